package dev.cxtoken.plugin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.testing.TestBuild;
import dev.cxtoken.testing.TestKeys;
import dev.cxtoken.Secret;
import dev.cxtoken.credentials.CredentialResolver;
import dev.cxtoken.credentials.EnvironmentVariables;
import dev.cxtoken.credentials.ServerCredentials;
import dev.cxtoken.oauth.TokenRequest;
import dev.cxtoken.testing.RecordingLog;
import dev.cxtoken.testing.TestParameters;
import dev.cxtoken.token.BuildTokenCache;
import dev.cxtoken.token.TokenService;
import dev.cxtoken.standin.StandInTokenServer;
import dev.cxtoken.testing.ScriptedHttpServer;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
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
    /**
     * Every spelling in which a secret could reach a log, written out here rather than taken from the production code,
     * so that a spelling the production code forgets is still looked for.
     */
    static List<String> forbidden(String id, String secret) {
        String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        Base64.Encoder base64 = Base64.getEncoder();
        return List.of(secret, encoded, encoded.replace("+", "%20"), encoded.toLowerCase(Locale.ROOT),
                base64.encodeToString(secret.getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString((URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + encoded)
                        .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void debugLoggingNeverShowsSecretsOrTokens() throws Exception {
        assertTrue(LoggerFactory.getLogger("org.apache.hc.client5.http.wire").isDebugEnabled(),
                "the wire logger must be at debug for this test to mean anything");
        assertTrue(LoggerFactory.getLogger("org.apache.hc.client5.http.headers").isDebugEnabled());
        String token = "tok-LEAKCHECK-0123456789";
        String secret = "oauth-LEAKCHECK:secret=&+ü";
        for (String clientAuth : new String[] {"basic", "post"}) {
            try (ScriptedHttpServer server = new ScriptedHttpServer(
                    ScriptedHttpServer.json(503, "{}"), ScriptedHttpServer.token(token, 3600))) {
                TestBuild build = TestBuild.withClient("oauth2", secret);
                build.run(TestParameters.oauth2(server.url("/token")).with("clientAuth", clientAuth));
                String written = new String(Files.readAllBytes(logFile()), StandardCharsets.UTF_8) + build.log.all();
                assertTrue(written.contains("org.apache.hc.client5"), "HttpClient wrote no debug lines at all");
                for (String form : forbidden(TestBuild.CLIENT_ID, secret)) {
                    assertFalse(written.contains(form), "a form of the secret was logged (" + clientAuth + ")");
                }
                assertFalse(written.contains(token), "the token was logged (" + clientAuth + ")");
            }
        }
    }

    @Test
    void debugLoggingNeverShowsTheCxoneAccessKeyOrTokens() throws Exception {
        String appSecret = "cx-app-LEAKCHECK:secret";
        String keySecret = "cx-key-LEAKCHECK=secret&+";
        try (StandInTokenServer server = new StandInTokenServer(0, "cx-app", appSecret, 3600, "cx-key", keySecret)) {
            TestBuild build = new TestBuild();
            build.servers.put("cxone", new ServerCredentials("cx-app", Secret.of(appSecret)));
            build.servers.put("cxone-access-key", new ServerCredentials("cx-key", Secret.of(keySecret)));
            TokenService.Outcome outcome = build.run(TestParameters.cxone(server.baseUrl())).outcome();
            assertTrue(outcome.token().apiBaseUrl() != null, "the whole login ran");
            String written = new String(Files.readAllBytes(logFile()), StandardCharsets.UTF_8) + build.log.all();
            assertTrue(written.contains("/.well-known/cxone-configuration"), "HttpClient logged the lookup");
            List<String> forms = new ArrayList<>(forbidden("cx-app", appSecret));
            forms.addAll(forbidden("cx-key", keySecret));
            for (String form : forms) {
                assertFalse(written.contains(form), "a form of a CXone secret was logged");
            }
            for (String token : server.issuedTokens()) {
                assertFalse(written.contains(token), "the token was logged");
            }
            assertFalse(written.contains("eyJ"), "the id_token (or another JWT) was logged");
        }
    }

    /** The signed assertions, the key, the CI token and the runner's request token stay out of HttpClient's lines too. */
    @Test
    void debugLoggingNeverShowsAssertionsKeysOrCiTokens() throws Exception {
        String pem = TestKeys.pkcs8(TestKeys.rsa(2048).getPrivate());
        String token = "tok-LEAKCHECK-jwt";
        try (ScriptedHttpServer server = new ScriptedHttpServer(ScriptedHttpServer.json(503, "{}"),
                ScriptedHttpServer.token(token, 3600))) {
            TestBuild build = new TestBuild();
            build.environment.put("OAUTH_CLIENT_ID", "jwt-client");
            build.environment.put("OAUTH_CLIENT_KEY", pem);
            build.run(TestParameters.oauth2(server.url("/token")).with("clientAuth", "private_key_jwt"));
            String written = new String(Files.readAllBytes(logFile()), StandardCharsets.UTF_8) + build.log.all();
            for (ScriptedHttpServer.Recorded request : server.requests()) {
                String assertion = SecretlessAuthenticationTest.form(request).get("client_assertion");
                assertFalse(written.contains(assertion.substring(assertion.lastIndexOf('.') + 1)), "a signature was logged");
                assertFalse(written.contains(assertion.substring(0, 40)), "an assertion was logged");
            }
            assertFalse(written.contains(pem.split("\n")[2]), "the key was logged");
            assertFalse(written.contains(token), "the token was logged");
        }
        String ciToken = TestKeys.ciToken("repo:acme/app", "https://sso.example", 300);
        try (ScriptedHttpServer server = new ScriptedHttpServer(ScriptedHttpServer.json(200, "{\"value\":\""
                + ciToken + "\"}"), ScriptedHttpServer.token(token, 3600))) {
            TestBuild build = new TestBuild();
            build.environment.put("ACTIONS_ID_TOKEN_REQUEST_URL", server.url("/oidc?v=1"));
            build.environment.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "runner-LEAKCHECK-request");
            build.run(TestParameters.oauth2(server.url("/token")).with("clientAuth", "federated")
                    .with("assertionAudience", "https://sso.example"));
            String written = new String(Files.readAllBytes(logFile()), StandardCharsets.UTF_8) + build.log.all();
            assertFalse(written.contains(ciToken.split("\\.")[1]), "the CI token was logged");
            assertFalse(written.contains("runner-LEAKCHECK-request"), "the runner's request token was logged");
            assertFalse(written.contains(token), "the token was logged");
        }
    }

    private static Path logFile() {
        return Paths.get("target", "httpclient-debug.log");
    }
}
