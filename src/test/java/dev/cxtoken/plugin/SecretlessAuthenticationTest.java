package dev.cxtoken.plugin;

import static dev.cxtoken.testing.ScriptedHttpServer.json;
import static dev.cxtoken.testing.ScriptedHttpServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.cxtoken.CxTokenException;
import dev.cxtoken.Secret;
import dev.cxtoken.TokenRequestRejectedException;
import dev.cxtoken.credentials.ServerCredentials;
import dev.cxtoken.testing.ScriptedHttpServer;
import dev.cxtoken.testing.TestBuild;
import dev.cxtoken.testing.TestKeys;
import dev.cxtoken.testing.TestParameters;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * private_key_jwt and federated end to end through the goal's wiring, against a loopback server that records what
 * arrives: the assertions are checked as a server would check them, and nothing secret reaches the log.
 */
class SecretlessAuthenticationTest {
    private static final String CLIENT = "ci-client";

    static Map<String, String> form(ScriptedHttpServer.Recorded request) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : request.body.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static void assertNotLogged(TestBuild build, String... values) {
        for (String line : build.log.lines) {
            for (String value : values) {
                assertFalse(line.contains(value), "logged a credential: " + line);
            }
        }
    }

    private static String pemBody(String pem) {
        return pem.split("\n")[1];
    }

    @Test
    void privateKeyJwtSignsAFreshAssertionForEveryAttempt() throws Exception {
        KeyPair pair = TestKeys.rsa(2048);
        String pem = TestKeys.pkcs8(pair.getPrivate());
        try (ScriptedHttpServer server = new ScriptedHttpServer(json(503, "{}"), token("issued", 3600))) {
            TestBuild build = new TestBuild();
            build.environment.put("OAUTH_CLIENT_ID", CLIENT);
            build.environment.put("OAUTH_CLIENT_KEY", pem);
            TokenGoal.Result result = build.run(TestParameters.oauth2(server.url("/token"))
                    .with("clientAuth", "private_key_jwt").with("keyId", "key-1"));
            assertEquals("issued", result.outcome().token().value().reveal());
            List<ScriptedHttpServer.Recorded> requests = server.requests();
            assertEquals(2, requests.size(), "the 503 is retried");
            String first = form(requests.get(0)).get("client_assertion");
            String second = form(requests.get(1)).get("client_assertion");
            assertNotEquals(first, second, "a retry signs a new assertion");
            for (String assertion : List.of(first, second)) {
                assertTrue(TestKeys.verifies(assertion, pair.getPublic()));
                JsonObject header = TestKeys.part(assertion, 0);
                assertEquals("RS256", header.get("alg").getAsString());
                assertEquals("JWT", header.get("typ").getAsString());
                assertEquals("key-1", header.get("kid").getAsString());
                JsonObject claims = TestKeys.part(assertion, 1);
                assertEquals(CLIENT, claims.get("iss").getAsString());
                assertEquals(CLIENT, claims.get("sub").getAsString());
                assertEquals(server.url("/token"), claims.get("aud").getAsString());
                assertEquals(60, claims.get("exp").getAsLong() - claims.get("iat").getAsLong());
                assertEquals(22, claims.get("jti").getAsString().length(), "128 bits, base64url");
            }
            assertNotEquals(TestKeys.part(first, 1).get("jti"), TestKeys.part(second, 1).get("jti"));
            Map<String, String> sent = form(requests.get(1));
            assertEquals("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", sent.get("client_assertion_type"));
            assertEquals(CLIENT, sent.get("client_id"));
            assertNull(requests.get(1).header("Authorization"));
            assertNotLogged(build, first, second, pemBody(pem));
        }
    }

    @Test
    void es256AndPs256SignaturesVerify() throws Exception {
        KeyPair ec = TestKeys.ec("secp256r1");
        KeyPair rsa = TestKeys.rsa(2048);
        for (Object[] c : new Object[][] {{ec, null, "ES256"}, {rsa, "PS256", "PS256"}, {rsa, "ps256", "PS256"}}) {
            KeyPair pair = (KeyPair) c[0];
            try (ScriptedHttpServer server = new ScriptedHttpServer(token("issued", 3600))) {
                TestBuild build = new TestBuild();
                build.environment.put("OAUTH_CLIENT_ID", CLIENT);
                build.environment.put("OAUTH_CLIENT_KEY", TestKeys.pkcs8(pair.getPrivate()));
                Parameters parameters = TestParameters.oauth2(server.url("/token"))
                        .with("clientAuth", "private_key_jwt").with("assertionAudience", "https://issuer.example");
                build.run(c[1] == null ? parameters : parameters.with("signingAlgorithm", (String) c[1]));
                String assertion = form(server.requests().get(0)).get("client_assertion");
                assertEquals(c[2], TestKeys.part(assertion, 0).get("alg").getAsString());
                assertEquals("https://issuer.example", TestKeys.part(assertion, 1).get("aud").getAsString());
                assertTrue(TestKeys.verifies(assertion, pair.getPublic()), c[2] + " does not verify");
            }
        }
    }

    @Test
    void theKeyComesFromTheSettingsServerEncryptedPemOrPkcs12(@TempDir Path dir) throws Exception {
        Path encrypted = TestKeys.fixture("ec-p256-encrypted.pem");
        Path p12 = TestKeys.pkcs12(dir, "client", "p12-pass");
        for (ServerCredentials server : List.of(
                new ServerCredentials(CLIENT, null, encrypted.toString(), Secret.of("pass phrase")),
                new ServerCredentials(CLIENT, null, p12.toString(), Secret.of("p12-pass")))) {
            try (ScriptedHttpServer endpoint = new ScriptedHttpServer(token("issued", 3600))) {
                TestBuild build = new TestBuild();
                build.servers.put("oauth2", server);
                TokenGoal.Result result = build.run(TestParameters.oauth2(endpoint.url("/token"))
                        .with("clientAuth", "private_key_jwt"));
                assertEquals("settings.xml server 'oauth2'", result.outcome().credentials().get(0).source().split(" \\(")[0]);
                String assertion = form(endpoint.requests().get(0)).get("client_assertion");
                if (server.privateKey().endsWith(".pem")) {
                    assertTrue(TestKeys.verifies(assertion, TestKeys.publicFixture("ec-p256-public.pem", "EC")));
                } else {
                    assertEquals("RS256", TestKeys.part(assertion, 0).get("alg").getAsString());
                }
                assertNotLogged(build, "pass phrase", "p12-pass", assertion);
            }
        }
    }

    @Test
    void federatedSendsTheCiTokenOnceAndSaysWhatItCannotDo() throws Exception {
        String ciToken = TestKeys.ciToken("project_path:acme/app:ref_type:branch:ref:main", "https://sso.example", 300);
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("issued", 3600))) {
            TestBuild build = new TestBuild();
            build.environment.put("OAUTH_CLIENT_ASSERTION", ciToken);
            TokenGoal.Result result = build.run(TestParameters.oauth2(server.url("/token"))
                    .with("clientAuth", "federated").with("clientId", CLIENT)
                    .with("assertionAudience", "https://sso.example").with("revocationUrl", server.url("/revoke")));
            assertEquals("issued", result.outcome().token().value().reveal());
            Map<String, String> sent = form(server.requests().get(0));
            assertEquals(ciToken, sent.get("client_assertion"));
            assertEquals(CLIENT, sent.get("client_id"));
            assertEquals("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", sent.get("client_assertion_type"));
            String info = String.join("\n", build.log.lines);
            assertTrue(info.contains("not renewed in the background: the CI token from environment variable"
                    + " OAUTH_CLIENT_ASSERTION cannot be presented twice"), info);
            assertTrue(info.contains("revocation skipped: the CI token from environment variable"
                    + " OAUTH_CLIENT_ASSERTION cannot be presented twice"), info);
            build.endBuild();
            assertEquals(1, server.requests().size(), "neither a renewal nor a revocation re-presents the CI token");
            assertNotLogged(build, ciToken, "issued");
        }
    }

    @Test
    void onGitHubActionsEveryRequestGetsAFreshJobTokenFromTheRunner() throws Exception {
        String first = TestKeys.ciToken("repo:acme/app:ref:refs/heads/main", "https://sso.example", 300);
        String second = TestKeys.ciToken("repo:acme/app:ref:refs/heads/main", "https://sso.example", 300);
        try (ScriptedHttpServer server = new ScriptedHttpServer(json(200, "{\"value\":\"" + first + "\"}"),
                token("issued", 3600), json(200, "{\"value\":\"" + second + "\"}"), json(200, "{}"))) {
            TestBuild build = new TestBuild();
            build.environment.put("ACTIONS_ID_TOKEN_REQUEST_URL", server.url("/oidc?api-version=2.0"));
            build.environment.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "runner-request-token");
            build.run(TestParameters.oauth2(server.url("/token")).with("clientAuth", "federated")
                    .with("clientId", CLIENT).with("assertionAudience", "https://sso.example")
                    .with("revocationUrl", server.url("/revoke")));
            build.endBuild();
            List<ScriptedHttpServer.Recorded> requests = server.requests();
            assertEquals(4, requests.size());
            assertEquals("/oidc?api-version=2.0&audience=https%3A%2F%2Fsso.example", requests.get(0).target);
            assertEquals("Bearer runner-request-token", requests.get(0).header("Authorization"));
            assertEquals(first, form(requests.get(1)).get("client_assertion"));
            assertEquals(second, form(requests.get(3)).get("client_assertion"), "the revocation has its own");
            assertEquals("issued", form(requests.get(3)).get("token"));
            assertNotLogged(build, first, second, "runner-request-token", "issued");
        }
    }

    @Test
    void aRejectedCiTokenIsExplainedByItsClaims() throws Exception {
        String ciToken = TestKeys.ciToken("project_path:acme/other", "https://sso.example", 300);
        try (ScriptedHttpServer server = new ScriptedHttpServer(json(401,
                "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client or Invalid client credentials\"}"))) {
            TestBuild build = new TestBuild();
            build.environment.put("OAUTH_CLIENT_ASSERTION", ciToken);
            TokenRequestRejectedException e = assertThrows(TokenRequestRejectedException.class,
                    () -> build.run(TestParameters.oauth2(server.url("/token")).with("clientAuth", "federated")
                            .with("clientId", CLIENT)));
            assertTrue(e.getMessage().contains("error 'invalid_client'"), e.getMessage());
            assertTrue(e.getMessage().contains("The server did not accept the CI token from environment variable"
                    + " OAUTH_CLIENT_ASSERTION as the credential of client ci-clien"), e.getMessage());
            assertTrue(e.getMessage().contains("sub \"project_path:acme/other\""), e.getMessage());
            assertFalse(e.getMessage().contains(ciToken));
        }
    }

    @Test
    void aRejectedKeyNamesItsSourceAlgorithmAndAudience() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(json(400,
                "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client or Invalid client credentials\"}"))) {
            TestBuild build = new TestBuild();
            build.environment.put("OAUTH_CLIENT_ID", CLIENT);
            build.environment.put("OAUTH_CLIENT_KEY", TestKeys.pkcs8(TestKeys.rsa(2048).getPrivate()));
            CxTokenException e = assertThrows(CxTokenException.class, () -> build.run(
                    TestParameters.oauth2(server.url("/token")).with("clientAuth", "private_key_jwt")));
            assertTrue(e.getMessage().contains("The server did not accept the assertion signed with the key from"
                    + " environment variable OAUTH_CLIENT_KEY (RS256, aud " + server.url("/token") + ")"),
                    e.getMessage());
        }
    }

    /** A key that comes with its certificate names it by thumbprint, as Microsoft Entra asks; one without does not. */
    @Test
    void aCertificateWithTheKeyIsNamedByItsThumbprint(@TempDir Path dir) throws Exception {
        Path p12 = TestKeys.pkcs12(dir, "client", "p12-pass");
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(p12)) {
            store.load(in, "p12-pass".toCharArray());
        }
        byte[] certificate = store.getCertificate("client").getEncoded();
        String expected = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(certificate));
        String bundle = TestKeys.pkcs8((java.security.PrivateKey) store.getKey("client", "p12-pass".toCharArray()))
                + TestKeys.pem("CERTIFICATE", certificate);
        for (int source = 0; source < 3; source++) {
            try (ScriptedHttpServer endpoint = new ScriptedHttpServer(token("issued", 3600))) {
                TestBuild build = new TestBuild();
                build.environment.put("OAUTH_CLIENT_ID", CLIENT);
                if (source == 0) {
                    build.servers.put("oauth2", new ServerCredentials(CLIENT, null, p12.toString(), Secret.of("p12-pass")));
                } else {
                    build.environment.put("OAUTH_CLIENT_KEY", source == 1 ? bundle
                            : TestKeys.pkcs8(TestKeys.rsa(2048).getPrivate()));
                }
                build.run(TestParameters.oauth2(endpoint.url("/token")).with("clientAuth", "private_key_jwt"));
                JsonObject header = TestKeys.part(form(endpoint.requests().get(0)).get("client_assertion"), 0);
                if (source < 2) {
                    assertEquals(expected, header.get("x5t#S256").getAsString(), "source " + source);
                } else {
                    assertFalse(header.has("x5t#S256"), header.toString());
                }
            }
        }
    }

    /**
     * A later module must not present a single-use CI token again when the build's token runs low: the server would
     * refuse it (Keycloak: "Token reuse detected"). It gets the build's token while that is valid, with a warning.
     */
    @Test
    void aLaterModuleKeepsTheTokenOfASingleUseCiTokenInsteadOfPresentingItAgain() throws Exception {
        dev.cxtoken.testing.ManualClock clock = new dev.cxtoken.testing.ManualClock();
        String ciToken = TestKeys.ciToken("project_path:acme/app", "https://sso.example", 3600);
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("issued", 300), json(400,
                "{\"error\":\"invalid_client\",\"error_description\":\"Token reuse detected\"}"))) {
            TestBuild build = new TestBuild().clocks(clock);
            build.environment.put("OAUTH_CLIENT_ASSERTION", ciToken);
            Parameters parameters = TestParameters.oauth2(server.url("/token")).with("clientAuth", "federated")
                    .with("clientId", CLIENT);
            build.run(parameters);
            clock.stepWallClock(java.time.Duration.ofSeconds(200));
            TokenGoal.Result later = build.run(parameters);
            assertEquals("issued", later.outcome().token().value().reveal());
            assertEquals(1, server.requests().size(), "the CI token was presented again");
            String log = String.join("\n", build.log.lines);
            assertTrue(log.contains("WARN The oauth2 token of client ci-clien… has 100 s left, less than minValidity"
                    + " (300 s), and is not fetched anew: the CI token from environment variable OAUTH_CLIENT_ASSERTION"
                    + " cannot be presented twice"), log);
        }
    }
}
