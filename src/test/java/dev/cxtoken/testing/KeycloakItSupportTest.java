package dev.cxtoken.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Keycloak ITs' leak scan finds each kind of secret they handle, in each form, and lets the IT's own token files
 * be; without a Keycloak: the facts file and the CI issuer's list of minted tokens are made up here.
 */
class KeycloakItSupportTest {
    private static final String JOB_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwcm9qZWN0X3BhdGg6YWNtZSJ9.c2lnbmF0dXJlLW9mLXRoZS1qb2ItdG9rZW4";
    private static final String ACCESS_TOKEN = "eyJhbGciOiJSUzI1NiIsInR5cCIgOiAiSldUIn0.eyJleHAiOjE3OTY2MTExMDl9.YWNjZXNzLXRva2VuLXNpZ25hdHVyZQ";
    private static final String BASIC_SECRET = "kcB-abc:def+ghi%=";
    private static final String KEY_LINE = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCsomethingRandomHere".substring(0, 64);
    private static final String KEY_MIDDLE_LINE = "q3Vt5mJmZ0uYp9Qk2xW8b7s1N4c6V0aRzLhE3dF5gH7jK9lM1nP3rT5vX7zB9dC2";

    @TempDir
    Path dir;
    private HttpServer ciIssuer;
    private String facts;
    private File it;

    @BeforeEach
    void madeUpKeycloak() throws IOException {
        ciIssuer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ciIssuer.createContext("/minted", exchange -> {
            byte[] body = JOB_TOKEN.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        ciIssuer.start();
        Path pem = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n" + KEY_LINE + "\n"
                + KEY_MIDDLE_LINE + "\nAbCd==\n-----END PRIVATE KEY-----\n");
        Properties values = new Properties();
        values.setProperty("keycloak.basic.clientId", "cx-secret-basic");
        values.setProperty("keycloak.basic.secret", BASIC_SECRET);
        values.setProperty("keycloak.post.clientId", "cx-secret-post");
        values.setProperty("keycloak.post.secret", "kcP-post&secret+=");
        values.setProperty("keycloak.introspector.clientId", "introspector");
        values.setProperty("keycloak.introspector.secret", "kcI-introspector");
        values.setProperty("keycloak.wrongIssuer.clientId", "cx-wrong-issuer");
        values.setProperty("keycloak.wrongIssuer.secret", "kcG-guard");
        values.setProperty("keycloak.keyPassphrase", "kc-key:passphrase");
        values.setProperty("keycloak.admin.password", "kc-admin-password");
        values.setProperty("keycloak.github.requestToken", "gh-req-token");
        for (String key : new String[] {"jwtRsa.pem", "jwtRsa.encryptedPem", "jwtEc.pem", "rogue.pem"}) {
            values.setProperty("keycloak." + key, pem.toString());
        }
        values.setProperty("keycloak.ciIssuer.url", "http://127.0.0.1:" + ciIssuer.getAddress().getPort());
        Path file = dir.resolve("keycloak.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            values.store(out, null);
        }
        facts = file.toString();
        it = Files.createDirectories(dir.resolve("it")).toFile();
        Files.writeString(it.toPath().resolve("build.log"), "[INFO] Fetched oauth2 token from 127.0.0.1\n");
    }

    @AfterEach
    void stop() {
        ciIssuer.stop(0);
    }

    @Test
    void aCleanFolderPasses() throws Exception {
        Files.createDirectories(it.toPath().resolve("target"));
        Files.writeString(it.toPath().resolve("target/out.txt"), "cx-secret-basic " + KEY_LINE);
        assertEquals(2, KeycloakItSupport.assertNoSecrets(facts, it));
    }

    @Test
    void eachSecretIsFoundInEachOfItsForms() throws Exception {
        String form = URLEncoder.encode(BASIC_SECRET, StandardCharsets.UTF_8);
        for (String leak : new String[] {BASIC_SECRET, form,
                Base64.getEncoder().encodeToString(("cx-secret-basic:" + form).getBytes(StandardCharsets.UTF_8)),
                Base64.getEncoder().encodeToString(("cx-secret-basic:" + BASIC_SECRET).getBytes(StandardCharsets.UTF_8)),
                "kc-key:passphrase", "kc-admin-password", "gh-req-token", KEY_MIDDLE_LINE, JOB_TOKEN, ACCESS_TOKEN}) {
            Files.writeString(it.toPath().resolve("build.log"), "[INFO] a line with " + leak + " in it\n");
            AssertionError error = assertThrows(AssertionError.class, () -> KeycloakItSupport.assertNoSecrets(facts, it),
                    leak);
            assertTrue(error.getMessage().contains("build.log, line 1") && !error.getMessage().contains(leak),
                    error.getMessage());
        }
    }

    @Test
    void tokensMayBeWhereTheItPutThemAndNowhereElse() throws Exception {
        Files.createDirectories(it.toPath().resolve("ci"));
        Files.writeString(it.toPath().resolve("ci/job-token-1.jwt"), JOB_TOKEN);
        Files.createDirectories(it.toPath().resolve("target"));
        Files.writeString(it.toPath().resolve("target/kc-tokens"), ACCESS_TOKEN + "\n");
        assertEquals(3, KeycloakItSupport.assertNoSecrets(facts, it, "ci/", "target/kc-tokens"));
        assertThrows(AssertionError.class, () -> KeycloakItSupport.assertNoSecrets(facts, it, "ci/"));
        // A secret is a secret in an allowed place too.
        Files.writeString(it.toPath().resolve("ci/job-token-1.jwt"), JOB_TOKEN + " " + BASIC_SECRET);
        assertThrows(AssertionError.class, () -> KeycloakItSupport.assertNoSecrets(facts, it, "ci/", "target/kc-tokens"));
    }

    @Test
    void mavensOwnValueDumpsAtDebugAreExcused() throws Exception {
        Files.writeString(it.toPath().resolve("build.log"), "[DEBUG]   (f) systemPropertyVariables = {t=" + ACCESS_TOKEN
                + "}\n[INFO] next\n");
        assertEquals(1, KeycloakItSupport.assertNoSecrets(facts, it));
    }
}
