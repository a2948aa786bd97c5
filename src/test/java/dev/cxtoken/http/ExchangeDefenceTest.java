package dev.cxtoken.http;

import static dev.cxtoken.testing.ScriptedHttpServer.json;
import static dev.cxtoken.testing.ScriptedHttpServer.respond;
import static dev.cxtoken.testing.ScriptedHttpServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.TokenEndpointException;
import dev.cxtoken.oauth.AccessToken;
import dev.cxtoken.oauth.ClientAuthentications;
import dev.cxtoken.plugin.Parameters;
import dev.cxtoken.testing.ManualClock;
import dev.cxtoken.testing.ScriptedHttpServer;
import dev.cxtoken.testing.TestBuild;
import dev.cxtoken.testing.TestParameters;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a hostile or broken server can send, and what the exchange makes of it: nothing of a token or secret in a
 * message or its causes, no unchecked exception out of the goal, and a deadline that holds.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExchangeDefenceTest {
    private static final String SECRET = TestBuild.SECRET;

    private static TestBuild build() {
        return TestBuild.withClient("oauth2", SECRET);
    }

    /** The message and every message of its cause chain. */
    private static String everything(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n').append(t).append('\n');
        }
        return text.toString();
    }

    private static List<String> secretForms() {
        String encoded = ClientAuthentications.formEncode(SECRET);
        String pair = ClientAuthentications.formEncode(TestBuild.CLIENT_ID) + ":" + encoded;
        List<String> forms = new ArrayList<>(List.of(SECRET, encoded, encoded.replace("+", "%20")));
        forms.add(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        return forms;
    }

    @Test
    @DisplayName("a 2xx that is form-encoded or a JSON array is described by type and length, never quoted")
    void aSuccessThatIsNotAJsonObjectIsNeverQuoted() throws Exception {
        String[][] bodies = {
            {"application/x-www-form-urlencoded", "access_token=tok-IN-A-FORM-123&token_type=bearer&expires_in=60"},
            {"application/json", "[\"tok-IN-AN-ARRAY-456\"]"},
        };
        for (String[] body : bodies) {
            try (ScriptedHttpServer server = new ScriptedHttpServer(respond(200, body[0], body[1]))) {
                TokenEndpointException e = assertThrows(TokenEndpointException.class,
                        () -> build().token(TestParameters.oauth2(server.url("/token"))));
                String message = e.getMessage();
                assertTrue(message.contains("HTTP 200, content type " + body[0] + ", " + body[1].length()
                        + " bytes that are not a JSON object (not shown"), message);
                assertFalse(message.contains("tok-IN-"), message);
            }
        }
    }

    @Test
    @DisplayName("a malformed header that echoes the secret does not reach the message or its causes")
    void aMalformedAnswerEchoingTheSecretIsScrubbedInTheWholeCauseChain() throws Exception {
        String encoded = ClientAuthentications.formEncode(SECRET);
        String[] answers = {
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nBroken header echoing " + encoded + "\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + encoded + "\r\n",
            "HTTP/1.1 200 OK " + encoded + "\r\nContent-Length: x" + encoded + "\r\n\r\n",
        };
        for (String raw : answers) {
            try (ScriptedHttpServer server = new ScriptedHttpServer((socket, out) -> {
                out.write(raw.getBytes(StandardCharsets.UTF_8));
                out.flush();
                socket.shutdownOutput();
            })) {
                CxTokenException e = assertThrows(CxTokenException.class, () -> build()
                        .token(TestParameters.oauth2(server.url("/token")).with("maxAttempts", "1")));
                String all = everything(e);
                for (String form : secretForms()) {
                    assertFalse(all.contains(form), "the secret as '" + form + "' in: " + all);
                }
            }
        }
    }

    @Test
    @DisplayName("a Content-Type echoing the secret is scrubbed and cut to a media type's characters")
    void aContentTypeEchoingTheSecretIsScrubbed() throws Exception {
        String encoded = ClientAuthentications.formEncode(SECRET);
        try (ScriptedHttpServer server = new ScriptedHttpServer(
                respond(400, "text/" + encoded + "\u0007x", "{\"error\":\"invalid_client\"}"))) {
            CxTokenException e = assertThrows(CxTokenException.class,
                    () -> build().token(TestParameters.oauth2(server.url("/token"))));
            for (String form : secretForms()) {
                assertFalse(everything(e).contains(form), everything(e));
            }
            assertFalse(e.getMessage().contains("\u0007"), e.getMessage());
        }
        String semicolon = "Xy9;kQ2mZp7LwR4t";
        try (ScriptedHttpServer server = new ScriptedHttpServer(
                respond(400, "text/" + semicolon, "{\"error\":\"invalid_client\"}"))) {
            CxTokenException e = assertThrows(CxTokenException.class, () -> TestBuild.withClient("oauth2", semicolon)
                    .token(TestParameters.oauth2(server.url("/token"))));
            assertFalse(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("xy9"), e.getMessage());
        }
        try (ScriptedHttpServer server = new ScriptedHttpServer(
                respond(400, "text/" + encoded, "<p>refused</p>"))) {
            CxTokenException e = assertThrows(CxTokenException.class,
                    () -> build().token(TestParameters.oauth2(server.url("/token"))));
            assertTrue(e.getMessage().contains("(text/****)"), e.getMessage());
        }
    }

    @Test
    @DisplayName("huge lifetimes and waits are clamped: no ArithmeticException or DateTimeException escapes")
    void hugeServerValuesAreClampedBeforeAnyArithmetic() throws Exception {
        String jwtWithHugeExp = "eyJhbGciOiJub25lIn0." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"exp\":1000000000000000000}".getBytes(StandardCharsets.UTF_8)) + ".sig";
        String[] answers = {
            "{\"access_token\":\"t1\",\"expires_in\":100000000000000000}",
            "{\"access_token\":\"t2\",\"expires_in\":1e30}",
            "{\"access_token\":\"" + jwtWithHugeExp + "\"}",
        };
        for (String answer : answers) {
            try (ScriptedHttpServer server = new ScriptedHttpServer(json(200, answer))) {
                Instant before = Instant.now();
                AccessToken token = build().token(TestParameters.oauth2(server.url("/token")));
                assertTrue(token.expiresAt().isAfter(before.plus(Duration.ofDays(3000))), answer);
            }
        }
        try (ScriptedHttpServer server = new ScriptedHttpServer(
                json(429, "{}", "Retry-After", "9223372036854775807"))) {
            TokenEndpointException e = assertThrows(TokenEndpointException.class,
                    () -> build().token(TestParameters.oauth2(server.url("/token"))));
            assertTrue(e.getMessage().contains("the server asked to wait 86400 s (Retry-After), beyond the"),
                    e.getMessage());
        }
        try (ScriptedHttpServer server = new ScriptedHttpServer(
                json(503, "{}", "Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT"))) {
            assertThrows(TokenEndpointException.class, () -> build().token(TestParameters.oauth2(server.url("/t"))));
        }
    }

    @Test
    @DisplayName("an expires_in of 0 or less, or an exp already past, is refused with its own message, never cached")
    void anExpiredAnswerIsRefusedWithItsOwnMessageAndNotCached() throws Exception {
        String past = "eyJhbGciOiJub25lIn0." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"exp\":1000}".getBytes(StandardCharsets.UTF_8)) + ".sig";
        String[][] answers = {
            {"{\"access_token\":\"t\",\"expires_in\":0}", "its expires_in is 0"},
            {"{\"access_token\":\"t\",\"expires_in\":-5}", "its expires_in is -5"},
            {"{\"access_token\":\"" + past + "\"}", "it has no expires_in, and the token's own exp claim is already past"},
        };
        for (String[] answer : answers) {
            try (ScriptedHttpServer server = new ScriptedHttpServer(json(200, answer[0]), token("fresh", 3600))) {
                TestBuild build = build();
                Parameters parameters = TestParameters.oauth2(server.url("/token"));
                TokenEndpointException e = assertThrows(TokenEndpointException.class, () -> build.token(parameters));
                assertTrue(e.getMessage().contains("is already expired: " + answer[1]), e.getMessage());
                assertTrue(e.getMessage().contains("Nothing was cached"), e.getMessage());
                assertFalse(build.log.all().contains("assuming the token lives"), build.log.all());
                build.clocks(Clock.systemUTC(), () -> System.nanoTime() + TimeUnit.HOURS.toNanos(1), Sleeper.REAL);
                assertEquals("fresh", build.token(parameters).value().reveal(), "the expired answer was cached");
            }
        }
    }

    /** A resolver as slow as a broken DNS server. */
    private static final class SlowDns implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    @Test
    @DisplayName("a name lookup that hangs ends at the deadline with the timeout message")
    void aHangingNameLookupEndsAtTheDeadline() throws Exception {
        TestBuild build = build().trust(null, new SlowDns());
        long start = System.nanoTime();
        TokenEndpointException e = assertThrows(TokenEndpointException.class,
                () -> build.token(TestParameters.oauth2("https://slow-dns.example/token").with("timeout", "1")));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis < 3000, "took " + millis + " ms with a timeout of 1 s");
        assertTrue(e.getMessage().contains("within the timeout of 1 s"), e.getMessage());
    }

    @Test
    @DisplayName("the deadline follows the monotonic clock: setting the wall clock neither cuts nor stretches it")
    void aWallClockStepDoesNotCutTheDeadline() throws Exception {
        ManualClock wall = new ManualClock();
        try (ScriptedHttpServer server = new ScriptedHttpServer(json(503, "{}"), token("after-the-step", 3600))) {
            TestBuild build = build().clocks(wall, dev.cxtoken.Ticker.SYSTEM, wait -> {
                wall.stepWallClock(Duration.ofHours(2)); // the machine's clock is set during the backoff
                Thread.sleep(wait.toMillis());
            });
            AccessToken token = build.token(TestParameters.oauth2(server.url("/token")).with("timeout", "10"));
            assertEquals("after-the-step", token.value().reveal());
            assertEquals(2, server.requests().size());
        }
    }

    @Test
    @DisplayName("408 and the 52x codes of a CDN are retried")
    void requestTimeoutAndCdnErrorsAreRetried() throws Exception {
        for (int status : new int[] {408, 520, 521, 522, 523, 524}) {
            try (ScriptedHttpServer server = new ScriptedHttpServer(json(status, "{}"), token("tok", 3600))) {
                TestBuild build = build().clocks(Clock.systemUTC(), dev.cxtoken.Ticker.SYSTEM, wait -> { });
                assertEquals("tok", build.token(TestParameters.oauth2(server.url("/token"))).value().reveal());
                assertEquals(2, server.requests().size(), "HTTP " + status);
            }
        }
    }

    @Test
    @DisplayName("a Retry-After on 500, 502 or 504 lengthens the wait but uses up an attempt, as the docs say")
    void retryAfterOnAGatewayErrorCountsAsAnAttempt() throws Exception {
        for (int status : new int[] {500, 502, 504}) {
            try (ScriptedHttpServer server = new ScriptedHttpServer(json(status, "{}", "Retry-After", "1"),
                    token("never", 3600))) {
                TokenEndpointException e = assertThrows(TokenEndpointException.class, () -> build()
                        .token(TestParameters.oauth2(server.url("/token")).with("maxAttempts", "1")));
                assertEquals(1, server.requests().size(), "HTTP " + status);
                assertTrue(e.getMessage().contains("gave up after 1 attempt (maxAttempts 1)"), e.getMessage());
            }
        }
    }

    @Test
    @DisplayName("a server that closes the connection during the TLS handshake is retried, not blamed on TLS setup")
    void aConnectionClosedDuringTheHandshakeIsRetried() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread closer = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (Socket socket = listener.accept()) {
                        socket.getInputStream().read(); // the ClientHello starts; then a FIN
                    } catch (Exception closed) {
                        return;
                    }
                }
            });
            closer.setDaemon(true);
            closer.start();
            TestBuild build = build().clocks(Clock.systemUTC(), dev.cxtoken.Ticker.SYSTEM, wait -> { });
            TokenEndpointException e = assertThrows(TokenEndpointException.class, () -> build.token(TestParameters
                    .oauth2("https://localhost:" + listener.getLocalPort() + "/token").with("maxAttempts", "3")));
            assertTrue(e.getMessage().contains("closed the connection during the TLS handshake"), e.getMessage());
            assertTrue(e.getMessage().contains("gave up after 3 attempts"), e.getMessage());
            assertFalse(e.getMessage().contains("TLS setup"), e.getMessage());
        }
    }
}
