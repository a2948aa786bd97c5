package dev.cxtoken.oauth;

import static dev.cxtoken.testing.ScriptedHttpServer.endlessBody;
import static dev.cxtoken.testing.ScriptedHttpServer.json;
import static dev.cxtoken.testing.ScriptedHttpServer.largeBody;
import static dev.cxtoken.testing.ScriptedHttpServer.reset;
import static dev.cxtoken.testing.ScriptedHttpServer.respond;
import static dev.cxtoken.testing.ScriptedHttpServer.stall;
import static dev.cxtoken.testing.ScriptedHttpServer.token;
import static dev.cxtoken.testing.ScriptedHttpServer.trickle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.testing.ScriptedHttpServer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TokenEndpointClientTest {
    private final Fixtures.RecordingLog log = new Fixtures.RecordingLog();

    private AccessToken fetch(FetchConfiguration config) throws CxTokenException {
        return Fixtures.client(config, log).fetch(Fixtures.request(config));
    }

    private <T extends Throwable> T fails(Class<T> type, FetchConfiguration config) {
        return assertThrows(type, () -> fetch(config));
    }

    private static void assertNoSecret(String text) {
        assertFalse(text.contains(Fixtures.SECRET), text);
        assertFalse(text.contains(TokenRequest.formEncode(Fixtures.SECRET)), text);
    }

    @Test
    void genesysSendsRawBasicPairAndOnlyTheGrantType() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("tok-1", 86399))) {
            FetchConfiguration config = Fixtures.genesys(server.url("/oauth/token")).build();
            Instant before = Instant.now();
            AccessToken token = fetch(config);
            assertEquals("tok-1", token.value().reveal());
            assertTrue(!token.expiresAt().isBefore(before.plusSeconds(86399)));
            ScriptedHttpServer.Recorded request = server.requests().get(0);
            assertEquals("POST", request.method);
            assertEquals("/oauth/token", request.target);
            assertEquals("grant_type=client_credentials", request.body);
            assertTrue(request.header("content-type").startsWith("application/x-www-form-urlencoded"));
            String pair = Fixtures.CLIENT_ID + ":" + Fixtures.SECRET;
            assertEquals("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)),
                    request.header("authorization"));
            assertEquals(server.url(""), token.apiBaseUrl());
        }
    }

    @Test
    void oauth2FormEncodesTheBasicPairAndSendsScopesAndParameters() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("tok-2", 3600))) {
            FetchConfiguration config = Fixtures.oauth2(server.url("/token"))
                    .scopes("read:users, write")
                    .parameters(Map.of("audience", "https://api.example.com"))
                    .build();
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
            FetchConfiguration config = Fixtures.oauth2(server.url("/token")).clientAuth("post").build();
            fetch(config);
            ScriptedHttpServer.Recorded request = server.requests().get(0);
            assertNull(request.header("authorization"));
            assertEquals("grant_type=client_credentials&client_id=3c5a7f1e-client"
                    + "&client_secret=s3cr3t%3Awith%25odd%2Bchars%3D%26%C3%BC", request.body);
        }
    }

    @Test
    void retriesServiceUnavailableTwiceThenSucceeds() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(
                json(503, "{}"), json(503, "{}"), token("tok", 3600))) {
            AccessToken token = fetch(Fixtures.oauth2(server.url("/token")).build());
            assertEquals("tok", token.value().reveal());
            assertEquals(3, server.requests().size());
            assertEquals(2, log.warnings());
            assertTrue(log.lines.get(0).contains("attempt 1 of 4") && log.lines.get(0).contains("HTTP 503"),
                    log.lines.get(0));
        }
    }

    @Test
    void honoursRetryAfterSeconds() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(
                json(429, "{}", "Retry-After", "2"), token("tok", 3600))) {
            long start = System.nanoTime();
            fetch(Fixtures.oauth2(server.url("/token")).build());
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(elapsedMs >= 2000 && elapsedMs < 3500, "waited " + elapsedMs + " ms");
            assertTrue(log.lines.get(0).contains("retrying in 2 s as the server asked (Retry-After)"), log.lines.get(0));
        }
    }

    @Test
    void honoursRetryAfterHttpDate() throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3).withNano(0));
        try (ScriptedHttpServer server = new ScriptedHttpServer(
                json(503, "{}", "Retry-After", date), token("tok", 3600))) {
            long start = System.nanoTime();
            fetch(Fixtures.oauth2(server.url("/token")).build());
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            // The date has one-second resolution, so the wait is between 2 and 3 seconds.
            assertTrue(elapsedMs >= 1900 && elapsedMs < 4000, "waited " + elapsedMs + " ms");
        }
    }

    @Test
    void retryAfterBeyondTheTimeoutFailsAtOnce() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(json(429, "{}", "Retry-After", "3600"))) {
            long start = System.nanoTime();
            TokenEndpointException e =
                    fails(TokenEndpointException.class, Fixtures.oauth2(server.url("/token")).timeout("60").build());
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 2000);
            assertTrue(e.getMessage().contains("the server asked to wait 3600 s (Retry-After), beyond the"),
                    e.getMessage());
            assertEquals(1, server.requests().size());
        }
    }

    @Test
    void retriesConnectionResets() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(reset(), reset(), token("tok", 3600))) {
            assertEquals("tok", fetch(Fixtures.oauth2(server.url("/token")).build()).value().reveal());
            assertEquals(3, server.requests().size());
        }
    }

    @Test
    void retriesRefusedConnectionsUntilTheServerComesUp() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        FetchConfiguration config = Fixtures.oauth2("http://127.0.0.1:" + port + "/token").maxAttempts("10").build();
        Thread starter = new Thread(() -> {
            try {
                Thread.sleep(1200);
                ScriptedHttpServer late = new ScriptedHttpServer(port, token("late", 3600));
                Thread.sleep(20_000);
                late.close();
            } catch (Exception e) {
                // The test fails on its own if the server does not come up.
            }
        });
        starter.setDaemon(true);
        starter.start();
        assertEquals("late", fetch(config).value().reveal());
        assertTrue(log.lines.get(0).contains("refused"), log.lines.get(0));
    }

    @Test
    void stalledServerIsRetriedAtResponseTimeoutAndBoundedByTimeout() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(stall())) {
            long start = System.nanoTime();
            TokenEndpointException e = fails(TokenEndpointException.class, Fixtures.oauth2(server.url("/token"))
                    .responseTimeout("1").timeout("4").maxAttempts("10").build());
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(elapsedMs < 5000, "took " + elapsedMs + " ms");
            assertTrue(server.requests().size() >= 2, "attempts: " + server.requests().size());
            assertTrue(log.lines.get(0).contains("within the response timeout of 1 s"), log.lines.get(0));
            assertTrue(e.getMessage().contains("4 s") || e.getMessage().contains("timeout"), e.getMessage());
        }
    }

    @Test
    void tricklingBodyEndsByTheTimeout() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(trickle())) {
            long start = System.nanoTime();
            TokenEndpointException e = fails(TokenEndpointException.class,
                    Fixtures.oauth2(server.url("/token")).timeout("3").responseTimeout("20").build());
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(elapsedMs >= 2900 && elapsedMs < 4500, "took " + elapsedMs + " ms");
            assertTrue(e.getMessage().contains("within the timeout of 3 s"), e.getMessage());
        }
    }

    @Test
    void badGatewayEveryTimeFailsAfterMaxAttemptsWithAnExcerpt() throws Exception {
        String page = "<html><head><title>502 Bad Gateway</title><style>body{}</style></head>"
                + "<body><h1>Bad Gateway</h1>\n<p>upstream\tfailed</p></body></html>";
        try (ScriptedHttpServer server = new ScriptedHttpServer(respond(502, "text/html; charset=utf-8", page))) {
            TokenEndpointException e = fails(TokenEndpointException.class,
                    Fixtures.oauth2(server.url("/token")).maxAttempts("3").build());
            assertEquals(3, server.requests().size());
            assertTrue(e.getMessage().contains("HTTP 502 (text/html): '502 Bad Gateway Bad Gateway upstream failed'"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("gave up after 3 attempts"), e.getMessage());
        }
    }

    @Test
    void successWithNonJsonBodyIsAClearErrorWithoutRetry() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(respond(200, "text/html", "<html>Login</html>"))) {
            TokenEndpointException e = fails(TokenEndpointException.class, Fixtures.oauth2(server.url("/token")).build());
            assertEquals(1, server.requests().size());
            assertTrue(e.getMessage().contains("not a token response: HTTP 200, content type text/html"),
                    e.getMessage());
        }
    }

    @Test
    void jsonWithoutAccessTokenIsAClearError() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(json(200, "{\"token\":\"x\",\"expires_in\":5}"))) {
            TokenEndpointException e = fails(TokenEndpointException.class, Fixtures.oauth2(server.url("/token")).build());
            assertTrue(e.getMessage().contains("has no access_token; its fields are [token, expires_in]"),
                    e.getMessage());
        }
    }

    @Test
    void hugeBodyFailsFastWithoutReadingIt() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(largeBody(5 * 1024 * 1024))) {
            long start = System.nanoTime();
            TokenEndpointException e = fails(TokenEndpointException.class, Fixtures.oauth2(server.url("/token")).build());
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 1000);
            assertTrue(e.getMessage().contains("larger than 64 KiB"), e.getMessage());
        }
    }

    @Test
    void endlessBodyFailsWithinASecondWithoutDrainingIt() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(endlessBody())) {
            long start = System.nanoTime();
            TokenEndpointException e = fails(TokenEndpointException.class, Fixtures.oauth2(server.url("/token")).build());
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 1000);
            assertTrue(e.getMessage().contains("larger than 64 KiB"), e.getMessage());
        }
    }

    @Test
    void redirectIsRefusedAndNamesTheLocation() throws Exception {
        try (ScriptedHttpServer other = new ScriptedHttpServer(token("stolen", 3600));
                ScriptedHttpServer server = new ScriptedHttpServer(
                        respond(307, "text/plain", "", "Location", other.url("/token")))) {
            TokenRequestRejectedException e =
                    fails(TokenRequestRejectedException.class, Fixtures.oauth2(server.url("/token")).build());
            assertTrue(e.getMessage().contains("redirected (HTTP 307) to " + other.url("/token")), e.getMessage());
            assertEquals(0, other.requests().size());
            assertEquals(1, server.requests().size());
        }
    }

    @Test
    void invalidClientFailsAfterOneRequestWithTheServersWordsAndAHint() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(json(400,
                "{\"error\":\"invalid_client\",\"description\":\"authentication failed\"}"))) {
            TokenRequestRejectedException e =
                    fails(TokenRequestRejectedException.class, Fixtures.genesys(server.url("/oauth/token")).build());
            assertEquals(1, server.requests().size());
            assertTrue(e.getMessage().contains("HTTP 400, error 'invalid_client': authentication failed"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("Check both in environment variable OAUTH_CLIENT_SECRET"),
                    e.getMessage());
        }
    }

    @Test
    void everyDefiniteRefusalIsSentOnce() throws Exception {
        String[][] cases = {
            {"401", "{\"error\":\"invalid_client\",\"error_description\":\"Bad credentials\"}", "Check both in"},
            {"400", "{\"error\":\"unauthorized_client\"}", "grant type 'Client Credentials'"},
            {"400", "{\"error\":\"invalid_scope\",\"error_description\":\"no such scope\"}", "client-credentials"
                    + " clients take no scopes"},
            {"403", "{\"message\":\"forbidden\"}", "IP allow-lists"},
            {"404", "Not Found", "There is no token endpoint at this URL"},
        };
        for (String[] c : cases) {
            try (ScriptedHttpServer server = new ScriptedHttpServer(json(Integer.parseInt(c[0]), c[1]))) {
                TokenRequestRejectedException e =
                        fails(TokenRequestRejectedException.class, Fixtures.oauth2(server.url("/token")).build());
                assertEquals(1, server.requests().size(), c[1]);
                assertTrue(e.getMessage().contains("HTTP " + c[0]), e.getMessage());
                assertTrue(e.getMessage().contains(c[2]), e.getMessage());
            }
        }
    }

    @Test
    void aServerEchoingTheRequestCannotLeakTheSecret() throws Exception {
        String encoded = TokenRequest.formEncode(Fixtures.SECRET);
        String basic = Base64.getEncoder().encodeToString(
                (TokenRequest.formEncode(Fixtures.CLIENT_ID) + ":" + encoded).getBytes(StandardCharsets.UTF_8));
        String page = "<html>Bad request: client_secret=" + encoded + " raw=" + Fixtures.SECRET
                + " auth=Basic " + basic + "</html>";
        for (String clientAuth : new String[] {"basic", "post"}) {
            try (ScriptedHttpServer server = new ScriptedHttpServer(respond(400, "text/html", page))) {
                FetchConfiguration config = Fixtures.oauth2(server.url("/token")).clientAuth(clientAuth).build();
                TokenRequestRejectedException e = fails(TokenRequestRejectedException.class, config);
                assertNoSecret(e.getMessage());
                assertTrue(e.getMessage().contains("client_secret=****"), e.getMessage());
                if (clientAuth.equals("basic")) {
                    assertFalse(e.getMessage().contains(basic), e.getMessage());
                }
            }
        }
    }

    @Test
    void missingExpiresInUsesTheJwtExpClaim() throws Exception {
        long exp = Instant.now().getEpochSecond() + 7200;
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"sub\":\"x\",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8));
        String jwt = "eyJhbGciOiJub25lIn0." + payload + ".sig";
        try (ScriptedHttpServer server = new ScriptedHttpServer(json(200, "{\"access_token\":\"" + jwt + "\"}"))) {
            AccessToken token = fetch(Fixtures.oauth2(server.url("/token")).build());
            assertEquals(Instant.ofEpochSecond(exp), token.expiresAt());
            assertTrue(log.lines.get(0).contains("using the token's own exp claim"), log.lines.get(0));
            assertFalse(String.join("\n", log.lines).contains(jwt));
        }
    }

    @Test
    void missingExpiresInWithoutJwtAssumesAnHourAndWarns() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(json(200, "{\"access_token\":\"opaque\"}"))) {
            Instant before = Instant.now();
            AccessToken token = fetch(Fixtures.oauth2(server.url("/token")).build());
            assertTrue(Duration.between(before, token.expiresAt()).toMinutes() >= 59);
            assertTrue(log.lines.get(0).contains("assuming the token lives 60 minutes"), log.lines.get(0));
        }
    }

    @Test
    void expiresInAsAStringIsAccepted() throws Exception {
        try (ScriptedHttpServer server =
                new ScriptedHttpServer(json(200, "{\"access_token\":\"t\",\"expires_in\":\"120\"}"))) {
            Instant before = Instant.now();
            AccessToken token = fetch(Fixtures.oauth2(server.url("/token")).build());
            long seconds = Duration.between(before, token.expiresAt()).getSeconds();
            assertTrue(seconds >= 119 && seconds <= 121, "lifetime " + seconds);
            assertEquals(0, log.warnings());
        }
    }

    @Test
    void unknownHostIsNotRetried() throws Exception {
        FetchConfiguration config = Fixtures.oauth2("https://no-such-host.invalid/token").build();
        TokenEndpointException e = fails(TokenEndpointException.class, config);
        assertTrue(e.getMessage().contains("cannot be resolved"), e.getMessage());
        assertEquals(0, log.warnings());
    }
}
