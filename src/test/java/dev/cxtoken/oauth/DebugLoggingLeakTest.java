package dev.cxtoken.oauth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.testing.ScriptedHttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * With every HttpClient logger at debug (as under {@code mvn -X}), a token exchange writes neither the secret, nor the
 * Authorization header, nor the token to the log. HttpClient's own connection class would print all three through
 * its header and wire loggers.
 */
class DebugLoggingLeakTest {
    @Test
    void debugLoggingNeverShowsSecretsOrTokens() throws Exception {
        assertTrue(LoggerFactory.getLogger("org.apache.hc.client5.http.wire").isDebugEnabled(),
                "the wire logger must be at debug for this test to mean anything");
        assertTrue(LoggerFactory.getLogger("org.apache.hc.client5.http.headers").isDebugEnabled());
        String token = "tok-LEAKCHECK-0123456789";
        Fixtures.RecordingLog log = new Fixtures.RecordingLog();
        for (String clientAuth : new String[] {"basic", "post"}) {
            try (ScriptedHttpServer server = new ScriptedHttpServer(
                    ScriptedHttpServer.json(503, "{}"), ScriptedHttpServer.token(token, 3600))) {
                FetchConfiguration config = Fixtures.oauth2(server.url("/token")).clientAuth(clientAuth).build();
                TokenRequest request = Fixtures.request(config);
                Fixtures.client(config, log).fetch(request);
                String written = new String(Files.readAllBytes(logFile()), StandardCharsets.UTF_8)
                        + String.join("\n", log.lines);
                assertTrue(written.contains("org.apache.hc.client5"), "HttpClient wrote no debug lines at all");
                for (String secret : request.secretForms()) {
                    assertFalse(written.contains(secret), "a form of the secret was logged (" + clientAuth + ")");
                }
                assertFalse(written.contains(token), "the token was logged (" + clientAuth + ")");
            }
        }
    }

    private static Path logFile() {
        return Paths.get("target", "httpclient-debug.log");
    }
}
