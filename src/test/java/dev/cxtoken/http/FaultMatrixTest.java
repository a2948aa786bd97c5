package dev.cxtoken.http;

import static dev.cxtoken.testing.ScriptedHttpServer.body;
import static dev.cxtoken.testing.ScriptedHttpServer.echo;
import static dev.cxtoken.testing.ScriptedHttpServer.json;
import static dev.cxtoken.testing.ScriptedHttpServer.reset;
import static dev.cxtoken.testing.ScriptedHttpServer.respond;
import static dev.cxtoken.testing.ScriptedHttpServer.stall;
import static dev.cxtoken.testing.ScriptedHttpServer.token;
import static dev.cxtoken.testing.ScriptedHttpServer.trickle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.cxtoken.CxTokenException;
import dev.cxtoken.TokenEndpointException;
import dev.cxtoken.TokenRequestRejectedException;
import dev.cxtoken.oauth.AccessToken;
import dev.cxtoken.oauth.ClientAuthentications;
import dev.cxtoken.plugin.Parameters;
import dev.cxtoken.testing.RecordingLog;
import dev.cxtoken.testing.TestBuild;
import dev.cxtoken.testing.TestParameters;
import dev.cxtoken.testing.ScriptedHttpServer;
import dev.cxtoken.testing.ScriptedHttpServer.Recorded;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fault matrix: one test per fault a token endpoint or the network can throw, each against a real loopback server
 * that injects it, with real waits. Every test checks the stated outcome and that the call stays within its
 * {@code timeout}. The class holds exactly one test per row of the documented table, so its test count is the number
 * of rows.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FaultMatrixTest {
    /** How far past its timeout a call that ends by the deadline may return: cancelling and unwinding. */
    private static final long DEADLINE_SLACK_MS = 300;
    /** Scheduling noise allowed on top of a computed wait. */
    private static final long WAIT_SLACK_MS = 300;

    private final RecordingLog log = new RecordingLog();

    /** What one fetch did, and how long it took by the wall clock. */
    private static final class Run {
        final AccessToken token;
        final CxTokenException error;
        final long millis;

        Run(AccessToken token, CxTokenException error, long millis) {
            this.token = token;
            this.error = error;
            this.millis = millis;
        }

        <T extends CxTokenException> T failure(Class<T> type) {
            assertNotNull(error, "expected a failure, got a token");
            return assertInstanceOf(type, error, error.getMessage());
        }

        String tokenValue() {
            assertTrue(error == null, () -> "expected a token, got: " + error.getMessage());
            return token.value().reveal();
        }
    }

    private Run run(Parameters config) {
        return run(config, TestBuild.SECRET);
    }

    private Run run(Parameters config, String secret) {
        TestBuild build = new TestBuild(log).client(config.get("provider"), secret);
        long start = System.nanoTime();
        AccessToken token = null;
        CxTokenException error = null;
        try {
            token = build.token(config);
        } catch (CxTokenException e) {
            error = e;
        }
        log.lines.removeIf(line -> line.startsWith("DEBUG ") || line.startsWith("INFO "));
        Run run = new Run(token, error, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        long timeout = Long.parseLong(config.get("timeout")) * 1000;
        assertTrue(run.millis <= timeout + DEADLINE_SLACK_MS, "took " + run.millis + " ms, timeout " + timeout + " ms");
        return run;
    }

    private static long backoffMillis(int failedAttempt) {
        return new RetryPolicy(Integer.MAX_VALUE, () -> 0.5).backoff(failedAttempt).toMillis();
    }

    private static void assertBetween(long min, long max, long actual, String what) {
        assertTrue(actual >= min && actual <= max, what + ": " + actual + " ms, expected " + min + ".." + max + " ms");
    }

    @Test
    @DisplayName("503, 503, then 200: success after 3 requests")
    void serviceUnavailableTwiceThenSuccess() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(
                json(503, "{}"), json(503, "{}"), token("tok", 3600))) {
            Run run = run(TestParameters.oauth2(server.url("/token")).with("timeout", "5"));
            assertEquals("tok", run.tokenValue());
            List<Recorded> requests = server.requests();
            assertEquals(3, requests.size());
            // Backoff between the attempts, not a tight loop.
            assertTrue(requests.get(0).millisUntil(requests.get(1)) >= backoffMillis(1));
            assertTrue(requests.get(1).millisUntil(requests.get(2)) >= backoffMillis(2));
            assertEquals(2, log.warnings());
            assertTrue(log.lines.get(0).contains("attempt 1 of 4") && log.lines.get(0).contains("HTTP 503"),
                    log.lines.get(0));
            assertTrue(log.lines.get(1).contains("attempt 2 of 4"), log.lines.get(1));
        }
    }

    @Test
    @DisplayName("429 with Retry-After: 2, then 200: success after waiting about 2 s, not less, not much more")
    void retryAfterSecondsIsWaitedOut() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(
                json(429, "{}", "Retry-After", "2"), token("tok", 3600))) {
            Run run = run(TestParameters.oauth2(server.url("/token")).with("timeout", "5"));
            assertEquals("tok", run.tokenValue());
            List<Recorded> requests = server.requests();
            assertEquals(2, requests.size());
            assertBetween(2000, 2000 + WAIT_SLACK_MS, requests.get(0).millisUntil(requests.get(1)),
                    "wait between the 429 and the retry");
            assertTrue(log.lines.get(0).contains("as the server asked (Retry-After 2 s)"), log.lines.get(0));
        }
    }

    @Test
    @DisplayName("429 with Retry-After as an HTTP date: waits until that date")
    void retryAfterDateIsWaitedUntil() throws Exception {
        Instant date = Instant.now().plusSeconds(3).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String header = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(date, ZoneOffset.UTC));
        try (ScriptedHttpServer server = new ScriptedHttpServer(
                json(429, "{}", "Retry-After", header), token("tok", 3600))) {
            Run run = run(TestParameters.oauth2(server.url("/token")).with("timeout", "6"));
            assertEquals("tok", run.tokenValue());
            Instant retried = server.requests().get(1).receivedAt;
            assertBetween(0, WAIT_SLACK_MS, Duration.between(date, retried).toMillis(),
                    "retry after the Retry-After date (negative would be too early)");
            assertFalse(retried.isBefore(date), "retried at " + retried + ", before " + date);
        }
    }

    @Test
    @DisplayName("Retry-After: 3600 with timeout 60: fails at once, saying the server asked for a wait beyond it")
    void retryAfterBeyondTheTimeoutFailsAtOnce() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(json(429, "{}", "Retry-After", "3600"))) {
            Run run = run(TestParameters.oauth2(server.url("/token")).with("timeout", "60"));
            TokenEndpointException e = run.failure(TokenEndpointException.class);
            assertTrue(run.millis < 1000, "took " + run.millis + " ms");
            assertEquals(1, server.requests().size());
            assertTrue(e.getMessage().contains("HTTP 429"), e.getMessage());
            assertTrue(e.getMessage().contains("the server asked to wait 3600 s (Retry-After), beyond the")
                    && e.getMessage().contains("s left of the timeout"), e.getMessage());
        }
    }

    @Test
    @DisplayName("connection reset before the answer, twice, then 200: success")
    void connectionResetTwiceThenSuccess() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(reset(), reset(), token("tok", 3600))) {
            Run run = run(TestParameters.oauth2(server.url("/token")).with("timeout", "5"));
            assertEquals("tok", run.tokenValue());
            assertEquals(3, server.requests().size());
            assertEquals(2, log.warnings());
        }
    }

    @Test
    @DisplayName("connection refused, then the server comes up: success within the deadline")
    void connectionRefusedUntilTheServerComesUp() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        // Nothing listens on the port now; the server starts there a second later.
        CompletableFuture<ScriptedHttpServer> late = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(() -> {
            try {
                late.complete(new ScriptedHttpServer(port, token("late", 3600)));
            } catch (Exception e) {
                late.completeExceptionally(e);
            }
        });
        try {
            Run run = run(TestParameters.oauth2("http://127.0.0.1:" + port + "/token").with("timeout", "5"));
            assertEquals("late", run.tokenValue());
            assertTrue(run.millis >= 900, "succeeded after " + run.millis + " ms, before the server was up");
            assertTrue(log.lines.get(0).contains("refused"), log.lines.get(0));
            assertEquals(1, late.get(5, TimeUnit.SECONDS).requests().size());
        } finally {
            late.get(5, TimeUnit.SECONDS).close();
        }
    }

    @Test
    @DisplayName("server accepts but never answers: each attempt ends at responseTimeout, the call by timeout")
    void acceptedButNeverAnswered() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(stall())) {
            Run run = run(TestParameters.oauth2(server.url("/token"))
                    .with("responseTimeout", "1").with("timeout", "4").with("maxAttempts", "10"));
            TokenEndpointException e = run.failure(TokenEndpointException.class);
            List<Recorded> requests = server.requests();
            assertTrue(requests.size() >= 3, "attempts: " + requests.size());
            for (int i = 1; i < requests.size(); i++) {
                long ended = requests.get(i - 1).millisUntil(requests.get(i)) - backoffMillis(i);
                assertBetween(950, 1000 + WAIT_SLACK_MS, ended, "attempt " + i + " ended after");
            }
            assertBetween(3500, 4000 + DEADLINE_SLACK_MS, run.millis, "whole call");
            assertTrue(log.lines.get(0).contains("no answer from 127.0.0.1:" + server.port()
                    + " within the response timeout of 1 s"), log.lines.get(0));
            assertTrue(e.getMessage().contains("timeout"), e.getMessage());
        }
    }

    @Test
    @DisplayName("body trickled one byte per second: ends by timeout, not later")
    void bodyTrickledOneBytePerSecond() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(trickle())) {
            Run run = run(TestParameters.oauth2(server.url("/token")).with("timeout", "3").with("responseTimeout", "20"));
            TokenEndpointException e = run.failure(TokenEndpointException.class);
            assertBetween(2900, 3000 + DEADLINE_SLACK_MS, run.millis, "whole call");
            assertEquals(1, server.requests().size());
            assertTrue(e.getMessage().contains("within the timeout of 3 s"), e.getMessage());
        }
    }

    @Test
    @DisplayName("502 with an HTML page, every time: fails after maxAttempts with status, content type and excerpt")
    void badGatewayHtmlEveryTime() throws Exception {
        String page = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title>"
                + "<style>body { font-family: sans-serif }</style>"
                + "<script>var trace = 'internal-trace-id';</script></head>\n<body>\r\n<h1>Bad\tGateway</h1>\n"
                + "<p>The upstream server failed.</p>\n" + "<p>filler</p>\n".repeat(300) + "</body></html>";
        try (ScriptedHttpServer server = new ScriptedHttpServer(respond(502, "text/html; charset=utf-8", page))) {
            Run run = run(TestParameters.oauth2(server.url("/token")).with("maxAttempts", "3").with("timeout", "5"));
            String message = run.failure(TokenEndpointException.class).getMessage();
            assertEquals(3, server.requests().size());
            Matcher excerpt = Pattern.compile("HTTP 502 \\(text/html\\): '([^']*)'").matcher(message);
            assertTrue(excerpt.find(), message);
            assertTrue(excerpt.group(1).startsWith("502 Bad Gateway Bad Gateway The upstream server failed."),
                    excerpt.group(1));
            assertTrue(excerpt.group(1).length() <= 201 && excerpt.group(1).endsWith("…"), excerpt.group(1));
            assertFalse(message.contains("<") || message.contains("internal-trace-id") || message.contains("font-"),
                    message);
            assertFalse(message.contains("\n") || message.contains("\r") || message.contains("\t"), message);
            assertTrue(message.contains("gave up after 3 attempts (maxAttempts 3)"), message);
            assertTrue(message.length() < 700, message.length() + " chars: " + message);
        }
    }

    @Test
    @DisplayName("200 with a body that is not JSON: clear error, no retry")
    void successWithBodyThatIsNotJson() throws Exception {
        try (ScriptedHttpServer server =
                new ScriptedHttpServer(respond(200, "text/html", "<html><body>Please log in</body></html>"))) {
            Run run = run(TestParameters.oauth2(server.url("/token")).with("timeout", "5"));
            String message = run.failure(TokenEndpointException.class).getMessage();
            assertEquals(1, server.requests().size());
            assertEquals(0, log.warnings());
            assertTrue(message.contains("not a token response: HTTP 200, content type text/html, 39 bytes that are"
                    + " not a JSON object (not shown: they may hold a token)"), message);
            assertFalse(message.contains("Please log in"), "a 2xx body is never quoted: " + message);
            assertTrue(message.contains("tokenUrl (cxtoken.tokenUrl)"), message);
        }
    }

    @Test
    @DisplayName("200 JSON without access_token: clear error")
    void successJsonWithoutAccessToken() throws Exception {
        try (ScriptedHttpServer server =
                new ScriptedHttpServer(json(200, "{\"token_type\":\"bearer\",\"expires_in\":3600}"))) {
            Run run = run(TestParameters.oauth2(server.url("/token")).with("timeout", "5"));
            String message = run.failure(TokenEndpointException.class).getMessage();
            assertEquals(1, server.requests().size());
            assertTrue(message.contains("(HTTP 200) has no access_token; its fields are [token_type, expires_in]"),
                    message);
        }
    }

    @Test
    @DisplayName("200 with a 5 MiB or endless body: error within a second, without draining the body")
    void successWithHugeOrEndlessBody() throws Exception {
        long fiveMiB = 5L * 1024 * 1024;
        // Paced at 2 MiB/s, as over a real network: draining 5 MiB would take 2.5 s, so finishing within a second and
        // the server seeing the connection cut prove the rest was never read.
        Object[][] bodies = {
            {"5 MiB with Content-Length", fiveMiB, true, 2L * 1024 * 1024},
            {"5 MiB chunked", fiveMiB, false, 2L * 1024 * 1024},
            {"endless chunked", Long.MAX_VALUE, false, 0L},
        };
        for (Object[] b : bodies) {
            ScriptedHttpServer.Transfer transfer = new ScriptedHttpServer.Transfer();
            try (ScriptedHttpServer server =
                    new ScriptedHttpServer(body((Long) b[1], (Boolean) b[2], (Long) b[3], transfer))) {
                Run run = run(TestParameters.oauth2(server.url("/token")).with("timeout", "5"));
                String message = run.failure(TokenEndpointException.class).getMessage();
                assertTrue(run.millis < 1000, b[0] + " took " + run.millis + " ms");
                assertTrue(message.contains("is larger than 64 KiB"), message);
                assertEquals(1, server.requests().size(), b[0] + ": no retry");
                assertTrue(transfer.awaitEnd(Duration.ofSeconds(3)), b[0] + ": the server is still sending");
                assertTrue(transfer.cutOff() && transfer.sent() < fiveMiB,
                        b[0] + ": the client read to the end (" + transfer.sent() + " bytes)");
            }
        }
    }

    @Test
    @DisplayName("302/307 redirect to another host: error naming the Location; nothing is sent there")
    void redirectToAnotherHost() throws Exception {
        for (int status : new int[] {302, 307}) {
            try (ScriptedHttpServer other = new ScriptedHttpServer(token("stolen", 3600));
                    ScriptedHttpServer server = new ScriptedHttpServer(
                            respond(status, "text/html", "<a href=\"x\">moved</a>", "Location", other.url("/token")))) {
                Run run = run(TestParameters.oauth2(server.url("/token")).with("timeout", "5"));
                String message = run.failure(TokenRequestRejectedException.class).getMessage();
                assertTrue(message.contains("redirected (HTTP " + status + ") to " + other.url("/token")), message);
                assertTrue(message.contains("Check that tokenUrl (cxtoken.tokenUrl) or environment points at the"
                        + " OAuth token endpoint"), message);
                assertEquals(1, server.requests().size());
                assertEquals(0, other.requests().size(), "the request followed the redirect");
            }
        }
    }

    @Test
    @DisplayName("401/400 invalid_client, unauthorized_client, invalid_scope; 403: one request, OAuth error and hint")
    void definiteRefusalsAreSentOnce() throws Exception {
        String[][] cases = {
            // status, body, the error as quoted, a phrase of the hint
            {"401", "{\"error\":\"invalid_client\",\"error_description\":\"Bad client credentials\"}",
                "error 'invalid_client': Bad client credentials", "Check both, read from environment variables"},
            {"400", "{\"error\":\"invalid_client\",\"description\":\"authentication failed\"}",
                "error 'invalid_client': authentication failed", "Check both, read from environment variables"},
            {"400", "{\"error\":\"unauthorized_client\",\"error_description\":\"grant not allowed\"}",
                "error 'unauthorized_client': grant not allowed", "grant type 'Client Credentials'"},
            {"400", "{\"error\":\"invalid_scope\",\"error_description\":\"unknown scope\"}",
                "error 'invalid_scope': unknown scope", "Check the scopes parameter (cxtoken.scopes)"},
            {"403", "{\"error\":\"access_denied\",\"error_description\":\"client disabled\"}",
                "error 'access_denied': client disabled", "IP allow-lists"},
        };
        for (String[] c : cases) {
            try (ScriptedHttpServer server = new ScriptedHttpServer(json(Integer.parseInt(c[0]), c[1]))) {
                Run run = run(TestParameters.oauth2(server.url("/token")).with("scopes", "read").with("timeout", "5"));
                TokenRequestRejectedException e = run.failure(TokenRequestRejectedException.class);
                assertTrue(e.isUserFixable());
                assertEquals(1, server.requests().size(), c[1]);
                assertEquals(0, log.warnings(), c[1]);
                assertTrue(e.getMessage().contains("was rejected: HTTP " + c[0] + ", " + c[2]), e.getMessage());
                assertTrue(e.getMessage().contains(c[3]), e.getMessage());
            }
        }
    }

    /** How a server may write back the secret it received. */
    private enum Echo {
        AS_RECEIVED(FaultMatrixTest::secretCarrierAsReceived),
        DECODED(r -> "client secret " + secretAsReceived(r)),
        HTML_ESCAPED(r -> "client secret " + htmlEscape(secretAsReceived(r))),
        JSON_HTML_SAFE(r -> "client secret " + unquote(new Gson().toJson(secretAsReceived(r)))),
        JSON_ASCII_ONLY(r -> "client secret " + asciiOnlyJson(secretAsReceived(r))),
        PERCENT_LOWER_CASE(r -> "client secret " + lowerCaseHex(ClientAuthentications.formEncode(secretAsReceived(r))));

        final Function<Recorded, String> text;

        Echo(Function<Recorded, String> text) {
            this.text = text;
        }
    }

    @Test
    @DisplayName("a server that echoes the request into its error page: the secret does not appear in our message")
    void serverEchoingTheRequest() throws Exception {
        Map<String, Function<String, ScriptedHttpServer.Reply>> answers = new LinkedHashMap<>();
        answers.put("400 HTML page", text -> respond(400, "text/html",
                "<html><body><h1>Bad request</h1><p>" + text + "</p><p>" + "more ".repeat(100) + "</p></body></html>"));
        answers.put("400 OAuth error", text -> json(400, oauthError(text)));
        answers.put("400 other JSON", text -> json(400, new Gson().toJson(Map.of("message", text))));
        answers.put("502 page", text -> respond(502, "text/plain", text));
        answers.put("200 not JSON", text -> respond(200, "text/plain", text));
        answers.put("302 Location", text -> respond(302, "text/plain", "",
                "Location", "https://login.example.com/?echo=" + percentEncodeOutsideAscii(text)));
        String[] secrets = {TestBuild.SECRET, "Q<x\"é€😀 \\/y>&#z"};
        int echoes = 0;
        for (String secret : secrets) {
            for (String provider : new String[] {"genesys", "oauth2-basic", "oauth2-post"}) {
                for (Map.Entry<String, Function<String, ScriptedHttpServer.Reply>> answer : answers.entrySet()) {
                    for (Echo style : Echo.values()) {
                        String where = provider + ", " + answer.getKey() + ", " + style;
                        try (ScriptedHttpServer server = new ScriptedHttpServer(
                                echo(request -> answer.getValue().apply(style.text.apply(request))))) {
                            Parameters config = (provider.equals("genesys")
                                    ? TestParameters.genesys(server.url("/oauth/token"))
                                    : TestParameters.oauth2(server.url("/token"))
                                            .with("clientAuth", provider.endsWith("post") ? "post" : "basic"))
                                    .with("maxAttempts", answer.getKey().startsWith("502") && style == Echo.DECODED
                                            && secret.equals(TestBuild.SECRET) && provider.endsWith("post") ? "2" : "1");
                            log.lines.clear();
                            Run run = run(config, secret);
                            String shown = run.failure(CxTokenException.class).getMessage() + "\n"
                                    + String.join("\n", log.lines);
                            assertEquals(secret, secretAsReceived(server.requests().get(0)), where);
                            for (String spelling : spellings(secret, provider)) {
                                assertFalse(shown.contains(spelling), where + " shows the secret as '" + spelling
                                        + "': " + shown);
                            }
                            // A 2xx body is never quoted at all: it could be the token itself.
                            assertTrue(answer.getKey().startsWith("200") ? shown.contains("not shown")
                                    : shown.contains("****"), where + ": the echo was not in the message at all, so"
                                    + " this case proves nothing: " + shown);
                            echoes++;
                        }
                    }
                }
            }
        }
        assertEquals(secrets.length * 3 * answers.size() * Echo.values().length, echoes);
    }

    private static String oauthError(String description) {
        JsonObject error = new JsonObject();
        error.addProperty("error", "invalid_request");
        error.addProperty("error_description", description);
        return new Gson().toJson(error);
    }

    /** The part of the request that carries the secret, byte for byte: the form field or the Basic header. */
    private static String secretCarrierAsReceived(Recorded request) {
        for (String field : request.body.split("&")) {
            if (field.startsWith("client_secret=")) {
                return "you sent " + field;
            }
        }
        return "you sent Authorization: " + request.header("authorization");
    }

    /** The client secret as a server decodes it: from the form body, else from the Basic header. */
    private static String secretAsReceived(Recorded request) {
        for (String field : request.body.split("&")) {
            if (field.startsWith("client_secret=")) {
                return URLDecoder.decode(field.substring("client_secret=".length()), StandardCharsets.UTF_8);
            }
        }
        String pair = new String(Base64.getDecoder().decode(request.header("authorization").substring(6)),
                StandardCharsets.UTF_8);
        String secret = pair.substring(pair.indexOf(':') + 1);
        // The RFC 6749 endpoint of the fixtures is /token; Genesys sends the raw pair to /oauth/token.
        return request.target.equals("/token") ? URLDecoder.decode(secret, StandardCharsets.UTF_8) : secret;
    }

    /** Every spelling of the secret that must not be shown. */
    private static List<String> spellings(String secret, String provider) {
        List<String> spellings = new ArrayList<>();
        String encoded = ClientAuthentications.formEncode(secret);
        spellings.add(secret);
        spellings.add(encoded);
        spellings.add(lowerCaseHex(encoded));
        spellings.add(encoded.replace("+", "%20"));
        spellings.add(htmlEscape(secret));
        spellings.add(unquote(new Gson().toJson(secret)));
        spellings.add(asciiOnlyJson(secret));
        if (!provider.endsWith("post")) {
            String id = provider.equals("genesys") ? TestBuild.CLIENT_ID : ClientAuthentications.formEncode(TestBuild.CLIENT_ID);
            String pair = id + ":" + (provider.equals("genesys") ? secret : encoded);
            spellings.add(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return spellings;
    }

    private static String htmlEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String unquote(String json) {
        return json.substring(1, json.length() - 1);
    }

    /** JSON as Python's json.dumps writes it by default: everything outside ASCII as unicode escapes. */
    private static String asciiOnlyJson(String text) {
        StringBuilder json = new StringBuilder();
        for (char c : unquote(new Gson().toJson(text)).toCharArray()) {
            json.append(c < 128 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return json.toString();
    }

    /** As a server writes a URL into a Location header: only printable ASCII stays as it is. */
    private static String percentEncodeOutsideAscii(String text) {
        StringBuilder url = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            url.append(b >= 0x21 && b <= 0x7e ? String.valueOf((char) b) : String.format("%%%02X", b & 0xff));
        }
        return url.toString();
    }

    private static String lowerCaseHex(String percentEncoded) {
        Matcher escape = Pattern.compile("%[0-9A-F]{2}").matcher(percentEncoded);
        StringBuilder result = new StringBuilder();
        while (escape.find()) {
            escape.appendReplacement(result, escape.group().toLowerCase(Locale.ROOT));
        }
        return escape.appendTail(result).toString();
    }
}
