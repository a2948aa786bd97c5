package dev.cxtoken.http;

import static dev.cxtoken.testing.ScriptedHttpServer.json;
import static dev.cxtoken.testing.ScriptedHttpServer.respond;
import static dev.cxtoken.testing.ScriptedHttpServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.TokenEndpointException;
import dev.cxtoken.TokenRequestRejectedException;
import dev.cxtoken.oauth.AccessToken;
import dev.cxtoken.oauth.ClientAuthentications;
import dev.cxtoken.plugin.Parameters;
import dev.cxtoken.testing.RecordingLog;
import dev.cxtoken.testing.ScriptedHttpServer;
import dev.cxtoken.testing.TestBuild;
import dev.cxtoken.testing.TestParameters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import dev.cxtoken.Ticker;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExchangerTest {
    private final RecordingLog log = new RecordingLog();

    /** The waits the exchange asked for; the seam takes no real time, since the point here is the arithmetic. */
    private final List<Duration> waits = new ArrayList<>();

    private AccessToken fetch(Parameters config) throws CxTokenException {
        TestBuild build = new TestBuild(log).client(config.get("provider"), TestBuild.SECRET)
                .clocks(Clock.systemUTC(), Ticker.SYSTEM, waits::add);
        try {
            return build.token(config);
        } finally {
            log.lines.removeIf(line -> line.startsWith("DEBUG ") || line.startsWith("INFO "));
        }
    }

    private <T extends Throwable> T fails(Class<T> type, Parameters config) {
        return assertThrows(type, () -> fetch(config));
    }

    private static void assertNoSecret(String text) {
        assertFalse(text.contains(TestBuild.SECRET), text);
        assertFalse(text.contains(ClientAuthentications.formEncode(TestBuild.SECRET)), text);
    }

    @Test
    void genesysSendsRawBasicPairAndOnlyTheGrantType() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("tok-1", 86399))) {
            Parameters config = TestParameters.genesys(server.url("/oauth/token"));
            Instant before = Instant.now();
            AccessToken token = fetch(config);
            assertEquals("tok-1", token.value().reveal());
            assertTrue(!token.expiresAt().isBefore(before.plusSeconds(86399)));
            ScriptedHttpServer.Recorded request = server.requests().get(0);
            assertEquals("POST", request.method);
            assertEquals("/oauth/token", request.target);
            assertEquals("grant_type=client_credentials", request.body);
            assertTrue(request.header("content-type").startsWith("application/x-www-form-urlencoded"));
            String pair = TestBuild.CLIENT_ID + ":" + TestBuild.SECRET;
            assertEquals("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)),
                    request.header("authorization"));
            assertEquals(server.url(""), token.apiBaseUrl());
        }
    }

    @Test
    void oauth2FormEncodesTheBasicPairAndSendsScopesAndParameters() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("tok-2", 3600))) {
            Parameters config = TestParameters.oauth2(server.url("/token"))
                    .with("scopes", "read:users, write")
                    .withExtraParameters(Map.of("audience", "https://api.example.com"));
            fetch(config);
            ScriptedHttpServer.Recorded request = server.requests().get(0);
            assertEquals("grant_type=client_credentials&scope=read%3Ausers+write&audience=https%3A%2F%2Fapi.example.com",
                    request.body);
            String pair = "3c5a7f1e-client:s3cr3t%3Awith%25odd%2Bchars%3D%26%C3%BC";
            assertEquals("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)),
                    request.header("authorization"));
        }
    }

    @Test
    void clientSecretPostPutsCredentialsInTheBody() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("tok-3", 3600))) {
            Parameters config = TestParameters.oauth2(server.url("/token")).with("clientAuth", "post");
            fetch(config);
            ScriptedHttpServer.Recorded request = server.requests().get(0);
            assertNull(request.header("authorization"));
            assertEquals("grant_type=client_credentials&client_id=3c5a7f1e-client"
                    + "&client_secret=s3cr3t%3Awith%25odd%2Bchars%3D%26%C3%BC", request.body);
        }
    }

    @Test
    void missingExpiresInUsesTheJwtExpClaim() throws Exception {
        long exp = Instant.now().getEpochSecond() + 7200;
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"sub\":\"x\",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8));
        String jwt = "eyJhbGciOiJub25lIn0." + payload + ".sig";
        try (ScriptedHttpServer server = new ScriptedHttpServer(json(200, "{\"access_token\":\"" + jwt + "\"}"))) {
            AccessToken token = fetch(TestParameters.oauth2(server.url("/token")));
            assertEquals(Instant.ofEpochSecond(exp), token.expiresAt());
            assertTrue(log.lines.get(0).contains("using the token's own exp claim"), log.lines.get(0));
            assertFalse(String.join("\n", log.lines).contains(jwt));
        }
    }

    @Test
    void missingExpiresInWithoutJwtAssumesAnHourAndWarns() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(json(200, "{\"access_token\":\"opaque\"}"))) {
            Instant before = Instant.now();
            AccessToken token = fetch(TestParameters.oauth2(server.url("/token")));
            assertTrue(Duration.between(before, token.expiresAt()).toMinutes() >= 59);
            assertTrue(log.lines.get(0).contains("assuming the token lives 60 minutes"), log.lines.get(0));
        }
    }

    @Test
    void expiresInAsAStringIsAccepted() throws Exception {
        try (ScriptedHttpServer server =
                new ScriptedHttpServer(json(200, "{\"access_token\":\"t\",\"expires_in\":\"120\"}"))) {
            Instant before = Instant.now();
            AccessToken token = fetch(TestParameters.oauth2(server.url("/token")));
            long seconds = Duration.between(before, token.expiresAt()).getSeconds();
            assertTrue(seconds >= 119 && seconds <= 121, "lifetime " + seconds);
            assertEquals(0, log.warnings());
        }
    }

    @Test
    void unknownHostIsNotRetried() throws Exception {
        Parameters config = TestParameters.oauth2("https://no-such-host.invalid/token");
        TokenEndpointException e = fails(TokenEndpointException.class, config);
        assertTrue(e.getMessage().contains("cannot be resolved"), e.getMessage());
        assertEquals(0, log.warnings());
    }

    @Test
    void noEndpointAtTheUrlIsSentOnceWithAHintAboutTheUrl() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(respond(404, "text/plain", "Not Found"))) {
            TokenRequestRejectedException e =
                    fails(TokenRequestRejectedException.class, TestParameters.oauth2(server.url("/token")));
            assertEquals(1, server.requests().size());
            assertTrue(e.getMessage().contains("HTTP 404 (text/plain): 'Not Found'"), e.getMessage());
            assertTrue(e.getMessage().contains("There is no token endpoint at this URL"), e.getMessage());
        }
    }

    @Test
    void retryAfterZeroIsAnOrdinaryFailure() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(json(429, "{}", "Retry-After", "0"))) {
            TokenEndpointException e = fails(TokenEndpointException.class,
                    TestParameters.oauth2(server.url("/token")).with("maxAttempts", "2").with("timeout", "5"));
            assertEquals(2, server.requests().size());
            assertTrue(e.getMessage().contains("gave up after 2 attempts (maxAttempts 2)"), e.getMessage());
            assertTrue(log.lines.get(0).contains("attempt 1 of 2"), log.lines.get(0));
            // Retry-After: 0 is no schedule: the first backoff (half of 0.5 s plus half its jitter of 0.5) applies.
            assertEquals(List.of(Duration.ofMillis(375)), waits);
        }
    }

    @Test
    void waitsTheServerAskedForDoNotUseUpAttempts() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(json(429, "{}", "Retry-After", "1"),
                respond(502, "text/plain", "bad gateway"))) {
            TokenEndpointException e = fails(TokenEndpointException.class,
                    TestParameters.oauth2(server.url("/token")).with("maxAttempts", "1").with("timeout", "5"));
            assertEquals(2, server.requests().size());
            // The 429 did not use up the only attempt: the 502 after it did.
            assertTrue(e.getMessage().contains("HTTP 502 (text/plain): 'bad gateway'; gave up after 1 attempt"
                    + " (maxAttempts 1), 2 requests in all"), e.getMessage());
            assertTrue(log.lines.get(0).contains("was turned away: HTTP 429")
                    && log.lines.get(0).contains("as the server asked (Retry-After 1 s)"), log.lines.get(0));
            assertEquals(List.of(Duration.ofSeconds(1)), waits, "exactly the wait the server asked for");
        }
    }
}
