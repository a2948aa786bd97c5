package dev.cxtoken.oauth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.standin.StandInTokenServer;
import dev.cxtoken.testing.ScriptedHttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

    @Test
    void debugLoggingNeverShowsTheCxoneAccessKeyOrTokens() throws Exception {
        String appSecret = "cx-app-LEAKCHECK:secret";
        String keySecret = "cx-key-LEAKCHECK=secret&+";
        Fixtures.RecordingLog log = new Fixtures.RecordingLog();
        try (StandInTokenServer server = new StandInTokenServer(0, "cx-app", appSecret, 3600, "cx-key", keySecret)) {
            FetchConfiguration config = FetchConfiguration.builder().provider("cxone").environment(server.baseUrl())
                    .build();
            Map<String, ServerCredentials> servers = Map.of(
                    "cxone", new ServerCredentials("cx-app", Secret.of(appSecret)),
                    "cxone-access-key", new ServerCredentials("cx-key", Secret.of(keySecret)));
            TokenService service = new TokenService(
                    new CredentialResolver(id -> Optional.ofNullable(servers.get(id)),
                            new EnvironmentVariables(name -> null)),
                    new BuildTokenCache(new ConcurrentHashMap<>(), Clock.systemUTC()), Fixtures.client(config, log),
                    log);
            TokenService.Outcome outcome = service.obtain(config, false);
            assertTrue(outcome.token().apiBaseUrl() != null, "the whole login ran");
            String written = new String(Files.readAllBytes(logFile()), StandardCharsets.UTF_8)
                    + String.join("\n", log.lines);
            assertTrue(written.contains("/.well-known/cxone-configuration"), "HttpClient logged the lookup");
            TokenRequest request = TokenRequest.cxoneAccessKey(config, config.endpoint(), outcome.credentials(),
                    outcome.accessKey());
            for (String secret : request.secretForms()) {
                assertFalse(written.contains(secret), "a form of a CXone secret was logged");
            }
            for (String token : server.issuedTokens()) {
                assertFalse(written.contains(token), "the token was logged");
            }
            assertFalse(written.contains("eyJ"), "the id_token (or another JWT) was logged");
        }
    }

    private static Path logFile() {
        return Paths.get("target", "httpclient-debug.log");
    }
}
