/*
 * Configures the Keycloak of the ITs (scripts/keycloak.sh start runs it), as a single source file with no dependencies:
 *
 *   java scripts/keycloak/KeycloakRealm.java --url http://127.0.0.1:38580 --realm cx-token --pid <keycloak's pid>
 *        --ci-issuer http://127.0.0.1:38581 --keys <dir with rsa.p12, ec.p12, rogue.p12> --out <keycloak.properties>
 *        [--wait-seconds 180]
 *
 * The admin password comes from KC_BOOTSTRAP_ADMIN_PASSWORD (the user from KC_BOOTSTRAP_ADMIN_USERNAME) and the
 * PKCS#12 passphrase from KEYCLOAK_KEY_PASSPHRASE, never from the command line (any local user can read it in ps).
 *
 * 1. Waits until Keycloak answers, for at most --wait-seconds, and exits with 3 if the process --pid dies first or the
 *    time runs out (keycloak.sh then prints the server log's tail).
 * 2. Writes the PKCS#8 PEM forms of the keytool-made keys: rsa.pem, ec.pem and rogue.pem plain
 *    ("-----BEGIN PRIVATE KEY-----") and rsa-encrypted.pem encrypted with the passphrase
 *    ("-----BEGIN ENCRYPTED PRIVATE KEY-----", PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC).
 * 3. Through the admin REST API (https://www.keycloak.org/docs-api/latest/rest-api/): makes the realm anew, with an
 *    identity provider that trusts the CI issuer stand-in (scripts/keycloak/CiIssuer.java) and one confidential client
 *    with service accounts (client-credentials grant) for each way of client authentication, and an introspector client.
 * 4. Writes everything the ITs need to --out, as properties named keycloak.*.
 *
 * The configuration keys, and where they are defined in Keycloak's source (keycloak/keycloak, 26.x):
 *
 * - Client "clientAuthenticatorType" (ClientRepresentation): the provider id of a client authenticator:
 *   "client-secret" (ClientIdAndSecretAuthenticator.PROVIDER_ID; Keycloak takes client_secret_basic and
 *   client_secret_post alike), "client-jwt" (JWTClientAuthenticator.PROVIDER_ID, private_key_jwt) and "federated-jwt"
 *   (FederatedJWTClientAuthenticator.PROVIDER_ID, "Signed JWT - Federated"), all in
 *   services/src/main/java/org/keycloak/authentication/authenticators/client/.
 * - client-jwt client attributes: "jwt.credential.certificate" (JWTClientAuthenticator.CERTIFICATE_ATTR), the Base64
 *   DER certificate whose key verifies the assertion, read by keys/loader/ClientPublicKeyLoader when "use.jwks.url"
 *   (OIDCConfigAttributes.USE_JWKS_URL, protocol/oidc/) is "false"; an EC certificate works as well as an RSA one.
 * - federated-jwt client attributes: "jwt.credential.issuer" (FederatedJWTClientAuthenticator.JWT_CREDENTIAL_ISSUER_KEY,
 *   the identity provider's alias) and "jwt.credential.sub" (JWT_CREDENTIAL_SUBJECT_KEY, the subject the CI token
 *   must carry). DefaultClientAssertionStrategy finds the identity provider by the assertion's "iss" and the client
 *   by these two attributes, so the assertion's "sub" is the CI subject, not the client id.
 * - Identity provider (providerId "oidc", broker/oidc/OIDCIdentityProviderConfig): "issuer"
 *   (IdentityProviderModel.ISSUER), "jwksUrl" (JWKS_URL), "useJwksUrl" (USE_JWKS_URL), "validateSignature"
 *   (VALIDATE_SIGNATURE; OIDCIdentityProvider.verifyClientAssertion refuses every assertion without it) and
 *   "supportsClientAssertions" (SUPPORTS_CLIENT_ASSERTIONS, the switch). Left at their defaults:
 *   "supportsClientAssertionReuse" (false: a reused jti is refused) and "allowedClockSkew" (0).
 *   FederatedJWTClientValidator accepts only the realm issuer as "aud" and an "iat" at most 300 s old.
 * - Realm (RealmRepresentation): "sslRequired" "external" (plain http from loopback addresses), "eventsEnabled" and
 *   "eventsExpiration" (login events kept an hour, for GET /admin/realms/{realm}/events).
 * - Each client's audience mapper for the introspector: see INTROSPECTOR_AUDIENCE below.
 * - Feature "client-auth-federated" (common/Profile.Feature.CLIENT_AUTH_FEDERATED): a default feature in 26.7.3, so
 *   start-dev needs no --features; step 3 checks that /admin/serverinfo does not list it as disabled.
 */

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

public class KeycloakRealm {
    static final String IDENTITY_PROVIDER = "ci-issuer";
    static final String INTROSPECTOR = "introspector";
    /**
     * Puts the introspector client into the audience of every other client's access tokens: since 26.6.2 (the fix of
     * CVE-2026-37979) Keycloak answers {"active":false} to a client that introspects a token whose "aud" lacks it
     * (event reason "Client '...' is not in the token audience"). "oidc-audience-mapper" is
     * AudienceProtocolMapper.PROVIDER_ID, "included.client.audience" its INCLUDED_CLIENT_AUDIENCE;
     * "access.token.claim" and "introspection.token.claim" are OIDCAttributeMapperHelper's INCLUDE_IN_ACCESS_TOKEN and
     * INCLUDE_IN_INTROSPECTION (services/src/main/java/org/keycloak/protocol/oidc/mappers/).
     */
    static final String INTROSPECTOR_AUDIENCE = "\"protocolMappers\":[{\"name\":\"introspector-audience\","
            + "\"protocol\":\"openid-connect\",\"protocolMapper\":\"oidc-audience-mapper\",\"config\":{"
            + "\"included.client.audience\":\"" + INTROSPECTOR + "\",\"access.token.claim\":\"true\","
            + "\"id.token.claim\":\"false\",\"introspection.token.claim\":\"true\"}}]";
    /** GitLab's id_tokens subject form. */
    static final String GITLAB_SUBJECT = "project_path:acme/app:ref_type:branch:ref:main";
    /** GitHub Actions' subject form for a branch. */
    static final String GITHUB_SUBJECT = "repo:acme/app:ref:refs/heads/main";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final String realm;
    private String adminToken;

    KeycloakRealm(String url, String realm) {
        this.url = url;
        this.realm = realm;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = require(options, "url");
        String realmName = options.getOrDefault("realm", "cx-token");
        KeycloakRealm keycloak = new KeycloakRealm(url, realmName);
        long pid = Long.parseLong(require(options, "pid"));
        Instant started = Instant.now();
        if (!keycloak.awaitReady(pid, Duration.ofSeconds(Long.parseLong(options.getOrDefault("wait-seconds", "180"))))) {
            System.exit(3);
        }
        System.out.printf("Keycloak answers at %s (waited %d s)%n", url, Duration.between(started, Instant.now()).toSeconds());

        Path keys = Path.of(require(options, "keys")).toAbsolutePath();
        char[] passphrase = requireEnv("KEYCLOAK_KEY_PASSPHRASE").toCharArray();
        KeyStore.PrivateKeyEntry rsa = entry(keys.resolve("rsa.p12"), passphrase);
        KeyStore.PrivateKeyEntry ec = entry(keys.resolve("ec.p12"), passphrase);
        KeyStore.PrivateKeyEntry rogue = entry(keys.resolve("rogue.p12"), passphrase);
        writePrivate(keys.resolve("rsa.pem"), pem("PRIVATE KEY", rsa.getPrivateKey().getEncoded()));
        writePrivate(keys.resolve("rsa-encrypted.pem"), encryptedPem(rsa.getPrivateKey(), passphrase));
        writePrivate(keys.resolve("ec.pem"), pem("PRIVATE KEY", ec.getPrivateKey().getEncoded()));
        writePrivate(keys.resolve("rogue.pem"), pem("PRIVATE KEY", rogue.getPrivateKey().getEncoded()));

        String ciIssuer = require(options, "ci-issuer");
        // Secrets made anew at each start. The basic client's holds ':' and '+', which client_secret_basic must
        // form-encode before Base64 (Keycloak decodes them that way); '=' and '%' for good measure.
        String basicSecret = "kcB-" + random(9) + ":" + random(6) + "+" + random(6) + "%=";
        String postSecret = "kcP-" + random(9) + "&" + random(6) + "+=";
        String introspectorSecret = "kcI-" + random(18);
        String guardSecret = "kcG-" + random(18);
        keycloak.adminLogin(requireEnv("KC_BOOTSTRAP_ADMIN_USERNAME"), requireEnv("KC_BOOTSTRAP_ADMIN_PASSWORD"));
        keycloak.requireFederatedFeature();
        keycloak.recreateRealm();
        keycloak.createIdentityProvider(ciIssuer);
        keycloak.createClient("cx-secret-basic", "client-secret", "\"secret\":" + json(basicSecret));
        keycloak.createClient("cx-secret-post", "client-secret", "\"secret\":" + json(postSecret));
        keycloak.createClient(INTROSPECTOR, "client-secret", "\"secret\":" + json(introspectorSecret));
        // For kc-discovery-wrong-issuer, whose credentials must never reach Keycloak: no other IT uses this client.
        keycloak.createClient("cx-wrong-issuer", "client-secret", "\"secret\":" + json(guardSecret));
        keycloak.createClient("cx-jwt-rsa", "client-jwt", certificateAttributes(rsa.getCertificate()));
        keycloak.createClient("cx-jwt-ec", "client-jwt", certificateAttributes(ec.getCertificate()));
        keycloak.createClient("cx-federated", "federated-jwt", federatedAttributes(GITLAB_SUBJECT));
        keycloak.createClient("cx-federated-github", "federated-jwt", federatedAttributes(GITHUB_SUBJECT));

        String issuer = url + "/realms/" + realmName;
        String oidc = issuer + "/protocol/openid-connect";
        Properties facts = new Properties();
        facts.setProperty("keycloak.url", url);
        facts.setProperty("keycloak.realm", realmName);
        facts.setProperty("keycloak.issuer", issuer);
        facts.setProperty("keycloak.tokenUrl", oidc + "/token");
        facts.setProperty("keycloak.revocationUrl", oidc + "/revoke");
        facts.setProperty("keycloak.introspectionUrl", oidc + "/token/introspect");
        facts.setProperty("keycloak.introspector.clientId", INTROSPECTOR);
        facts.setProperty("keycloak.introspector.secret", introspectorSecret);
        facts.setProperty("keycloak.basic.clientId", "cx-secret-basic");
        facts.setProperty("keycloak.basic.secret", basicSecret);
        facts.setProperty("keycloak.post.clientId", "cx-secret-post");
        facts.setProperty("keycloak.post.secret", postSecret);
        facts.setProperty("keycloak.wrongIssuer.clientId", "cx-wrong-issuer");
        facts.setProperty("keycloak.wrongIssuer.secret", guardSecret);
        facts.setProperty("keycloak.admin.user", requireEnv("KC_BOOTSTRAP_ADMIN_USERNAME"));
        facts.setProperty("keycloak.admin.password", requireEnv("KC_BOOTSTRAP_ADMIN_PASSWORD"));
        facts.setProperty("keycloak.keyPassphrase", new String(passphrase));
        facts.setProperty("keycloak.jwtRsa.clientId", "cx-jwt-rsa");
        facts.setProperty("keycloak.jwtRsa.p12", keys.resolve("rsa.p12").toString());
        facts.setProperty("keycloak.jwtRsa.pem", keys.resolve("rsa.pem").toString());
        facts.setProperty("keycloak.jwtRsa.encryptedPem", keys.resolve("rsa-encrypted.pem").toString());
        facts.setProperty("keycloak.jwtEc.clientId", "cx-jwt-ec");
        facts.setProperty("keycloak.jwtEc.pem", keys.resolve("ec.pem").toString());
        facts.setProperty("keycloak.jwtEc.pemText", Files.readString(keys.resolve("ec.pem")));
        facts.setProperty("keycloak.rogue.pem", keys.resolve("rogue.pem").toString());
        facts.setProperty("keycloak.rogue.pemText", Files.readString(keys.resolve("rogue.pem")));
        facts.setProperty("keycloak.federated.clientId", "cx-federated");
        facts.setProperty("keycloak.federated.subject", GITLAB_SUBJECT);
        facts.setProperty("keycloak.federatedGithub.clientId", "cx-federated-github");
        facts.setProperty("keycloak.federatedGithub.subject", GITHUB_SUBJECT);
        facts.setProperty("keycloak.ciIssuer.url", ciIssuer);
        facts.setProperty("keycloak.ciIssuer.identityProvider", IDENTITY_PROVIDER);
        // GitHub's ACTIONS_ID_TOKEN_REQUEST_URL already has a query string; clients append "&audience=...".
        facts.setProperty("keycloak.github.requestUrl", ciIssuer + "/github-oidc?api-version=2.0");
        facts.setProperty("keycloak.github.requestToken", requireEnv("CI_ISSUER_REQUEST_TOKEN"));
        Path out = Path.of(require(options, "out"));
        try (OutputStream stream = Files.newOutputStream(out)) {
            facts.store(stream, "Written by scripts/keycloak/KeycloakRealm.java for the Keycloak ITs; test material only");
        }
        System.out.printf("Realm %s configured (issuer %s); facts in %s%n", realmName, issuer, out);
    }

    /** Polls the master realm until it answers 200, the process dies or the time is up. */
    boolean awaitReady(long pid, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url + "/realms/master")).timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            if (ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                System.err.println("Keycloak (pid " + pid + ") exited before it answered at " + url);
                return false;
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        System.err.println("Keycloak did not answer at " + url + " within " + limit.toSeconds() + " s");
        return false;
    }

    void adminLogin(String user, String password) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
                        + form(user) + "&password=" + form(password))));
        expect(answer, 200, "admin login");
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
        if (!token.find()) {
            throw new IllegalStateException("admin login: no access_token in the answer");
        }
        adminToken = token.group(1);
    }

    void requireFederatedFeature() throws Exception {
        HttpResponse<String> info = send(admin("/admin/serverinfo").GET());
        expect(info, 200, "GET /admin/serverinfo");
        Matcher disabled = Pattern.compile("\"disabledFeatures\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(info.body());
        if (disabled.find() && disabled.group(1).contains("\"CLIENT_AUTH_FEDERATED\"")) {
            throw new IllegalStateException("Keycloak's feature client-auth-federated is disabled: start it with "
                    + "--features=client-auth-federated");
        }
    }

    void recreateRealm() throws Exception {
        HttpResponse<String> deleted = send(admin("/admin/realms/" + realm).DELETE());
        if (deleted.statusCode() != 204 && deleted.statusCode() != 404) {
            expect(deleted, 204, "DELETE realm " + realm);
        }
        // sslRequired "external" (the default) lets loopback clients use http. eventsEnabled stores the login events
        // (CLIENT_LOGIN, CLIENT_LOGIN_ERROR), so that an IT can ask the admin API whether its client sent anything.
        expect(send(admin("/admin/realms").POST(jsonBody("{\"realm\":" + json(realm)
                + ",\"enabled\":true,\"sslRequired\":\"external\",\"eventsEnabled\":true,\"eventsExpiration\":3600}"))),
                201, "create realm " + realm);
    }

    void createIdentityProvider(String ciIssuer) throws Exception {
        // Only what client assertions need: the provider takes no browser logins here (no client id, no endpoints).
        String body = "{\"alias\":" + json(IDENTITY_PROVIDER) + ",\"providerId\":\"oidc\",\"enabled\":true,"
                + "\"hideOnLogin\":true,\"config\":{"
                + "\"issuer\":" + json(ciIssuer) + ","
                + "\"jwksUrl\":" + json(ciIssuer + "/jwks") + ","
                + "\"useJwksUrl\":\"true\",\"validateSignature\":\"true\",\"supportsClientAssertions\":\"true\"}}";
        expect(send(admin("/admin/realms/" + realm + "/identity-provider/instances").POST(jsonBody(body))), 201,
                "create identity provider " + IDENTITY_PROVIDER);
    }

    void createClient(String clientId, String authenticator, String extra) throws Exception {
        String body = "{\"clientId\":" + json(clientId) + ",\"protocol\":\"openid-connect\",\"enabled\":true,"
                + "\"publicClient\":false,\"serviceAccountsEnabled\":true,\"standardFlowEnabled\":false,"
                + "\"directAccessGrantsEnabled\":false,\"clientAuthenticatorType\":" + json(authenticator) + ","
                + (clientId.equals(INTROSPECTOR) ? "" : INTROSPECTOR_AUDIENCE + ",") + extra + "}";
        expect(send(admin("/admin/realms/" + realm + "/clients").POST(jsonBody(body))), 201, "create client " + clientId);
    }

    static String certificateAttributes(Certificate certificate) throws Exception {
        return "\"attributes\":{\"use.jwks.url\":\"false\",\"jwt.credential.certificate\":"
                + json(Base64.getEncoder().encodeToString(certificate.getEncoded())) + "}";
    }

    static String federatedAttributes(String subject) {
        return "\"attributes\":{\"jwt.credential.issuer\":" + json(IDENTITY_PROVIDER) + ",\"jwt.credential.sub\":"
                + json(subject) + "}";
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + adminToken);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.BodyPublisher jsonBody(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    private static void expect(HttpResponse<String> answer, int status, String what) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + answer.statusCode() + " " + answer.body());
        }
    }

    static KeyStore.PrivateKeyEntry entry(Path p12, char[] passphrase) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(p12)) {
            store.load(in, passphrase);
        }
        String alias = store.aliases().nextElement();
        return (KeyStore.PrivateKeyEntry) store.getEntry(alias, new KeyStore.PasswordProtection(passphrase));
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** PKCS#8 EncryptedPrivateKeyInfo with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), as openssl pkcs8 -topk8 writes. */
    static String encryptedPem(PrivateKey key, char[] passphrase) throws Exception {
        byte[] salt = new byte[16];
        byte[] iv = new byte[16];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(iv);
        String algorithm = "PBEWithHmacSHA256AndAES_256";
        SecretKey pbeKey = SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(passphrase));
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.ENCRYPT_MODE, pbeKey, new PBEParameterSpec(salt, 10000, new IvParameterSpec(iv)));
        byte[] encrypted = cipher.doFinal(key.getEncoded());
        // JDK 17's EncryptedPrivateKeyInfo knows the parameters under their generic name only.
        AlgorithmParameters pbes2 = AlgorithmParameters.getInstance("PBES2");
        pbes2.init(cipher.getParameters().getEncoded());
        return pem("ENCRYPTED PRIVATE KEY", new EncryptedPrivateKeyInfo(pbes2, encrypted).getEncoded());
    }

    static void writePrivate(Path file, String content) throws IOException {
        Files.writeString(file, content);
    }

    static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing --" + name);
        }
        return value;
    }

    private static String requireEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("Environment variable " + name + " is not set");
        }
        return value;
    }
}
