package dev.cxtoken.provider;

import static dev.cxtoken.testing.ScriptedHttpServer.json;
import static dev.cxtoken.testing.ScriptedHttpServer.respond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.MissingCredentialsException;
import dev.cxtoken.Ticker;
import dev.cxtoken.http.Sleeper;
import dev.cxtoken.oauth.ClientAuthentications;
import dev.cxtoken.plugin.Parameters;
import dev.cxtoken.testing.TestBuild;
import dev.cxtoken.CxTokenException;
import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.Secret;
import dev.cxtoken.TokenEndpointException;
import dev.cxtoken.TokenRequestRejectedException;
import dev.cxtoken.credentials.CredentialResolver;
import dev.cxtoken.credentials.EnvironmentVariables;
import dev.cxtoken.credentials.ServerCredentials;
import dev.cxtoken.http.ProxyRoute;
import dev.cxtoken.oauth.TokenRequest;
import dev.cxtoken.testing.ManualClock;
import dev.cxtoken.testing.RecordingLog;
import dev.cxtoken.testing.TestParameters;
import dev.cxtoken.token.BuildTokenCache;
import dev.cxtoken.token.TokenService;
import dev.cxtoken.standin.StandInTokenServer;
import dev.cxtoken.testing.ScriptedHttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CXone login against loopback servers that answer in the documented shapes: the stand-in server for whole
 * round trips (it checks both pairs the way CXone decodes them), and a scripted server for the odd answers.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CxoneLoginTest {
    private static final String APP_ID = "cxone-app-7d1e";
    private static final String APP_SECRET = "App+S3cret/with:colon=";
    private static final String KEY_ID = "AKIA-CXONE-4711";
    /** Every character that breaks a form body or a Basic pair when not encoded. */
    private static final String KEY_SECRET = "k3y=Secret&with+plus:colon%25percent=é";

    private final Map<String, ServerCredentials> servers = new HashMap<>();
    private final Map<String, String> env = new HashMap<>();
    private final ConcurrentHashMap<String, Object> buildStore = new ConcurrentHashMap<>();
    private final RecordingLog log = new RecordingLog();
    private final List<String> messages = new ArrayList<>();

    private void standardCredentials() {
        servers.put("cxone", new ServerCredentials(APP_ID, Secret.of(APP_SECRET)));
        servers.put("cxone-access-key", new ServerCredentials(KEY_ID, Secret.of(KEY_SECRET)));
    }

    private TestBuild build(Clock clock, boolean offline) {
        TestBuild build = new TestBuild(log);
        build.environment.putAll(env);
        build.serverSource = id -> Optional.ofNullable(servers.get(id));
        build.store = buildStore;
        build.offline = offline;
        return build.clocks(clock, Ticker.SYSTEM, Sleeper.REAL);
    }

    private TokenService.Outcome obtain(Parameters config, Clock clock, boolean offline) throws CxTokenException {
        try {
            return build(clock, offline).run(config).outcome();
        } finally {
            log.lines.removeIf(line -> line.startsWith("DEBUG ") || line.startsWith("INFO "));
        }
    }

    private TokenService.Outcome obtain(Parameters config) throws CxTokenException {
        return obtain(config, Clock.systemUTC(), false);
    }

    private <T extends CxTokenException> T fails(Class<T> type, Parameters config) {
        T e = assertThrows(type, () -> obtain(config));
        messages.add(e.getMessage());
        // A new loopback server may get the port of the last one, and with it the cache key of its shared failure.
        buildStore.clear();
        return e;
    }

    private static Parameters cxone(String issuer) {
        return TestParameters.defaults().with("provider", "cxone").with("environment", issuer);
    }

    /** The keys of the build-wide store and of every map in it. */
    static List<String> allKeys(Map<String, Object> store) {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, Object> entry : store.entrySet()) {
            keys.add(entry.getKey());
            if (entry.getValue() instanceof Map) {
                for (Object key : ((Map<?, ?>) entry.getValue()).keySet()) {
                    keys.add(String.valueOf(key));
                }
            }
        }
        return keys;
    }

    private static StandInTokenServer standIn() throws Exception {
        return new StandInTokenServer(0, APP_ID, APP_SECRET, 3600, KEY_ID, KEY_SECRET);
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static String jwt(String claims) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    private static ScriptedHttpServer.Reply discovery(ScriptedHttpServer server) {
        return json(200, "{\"issuer\":\"" + server.url("") + "\",\"token_endpoint\":\"" + server.url("/auth/token")
                + "\"}");
    }

    /** Scripts a login: the discovery document, a token whose id_token names the server and the tenant, the lookup. */
    private static void scriptLogin(ScriptedHttpServer server, String accessToken, String tenantId,
            ScriptedHttpServer.Reply lookup) {
        String claims = "{\"iss\":\"" + server.url("") + "\",\"tenantId\":\"" + tenantId + "\"}";
        server.enqueue(discovery(server), tokenWithIdToken(accessToken, claims), lookup);
    }

    private static ScriptedHttpServer.Reply tokenWithIdToken(String accessToken, String claims) {
        return json(200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                + "\"refresh_token\":\"r-1\",\"id_token\":\"" + jwt(claims) + "\",\"issued_token_type\":"
                + "\"urn:ietf:params:oauth:token-type:access_token\"}");
    }

    /** No message and no log line may hold a secret, its encodings, the Basic value or a token. */
    private void assertNothingSecretIn(String... extraTokens) {
        List<String> needles = new ArrayList<>(List.of(APP_SECRET, KEY_SECRET, ClientAuthentications.formEncode(APP_SECRET),
                ClientAuthentications.formEncode(KEY_SECRET), basic(APP_ID, APP_SECRET).substring(6)));
        needles.addAll(List.of(extraTokens));
        String written = String.join("\n", messages) + "\n" + String.join("\n", log.lines);
        for (String needle : needles) {
            assertFalse(written.contains(needle), "a secret or token was written: " + written);
        }
    }

    @Test
    void discoversTheEndpointFetchesTheTokenAndFindsTheApiBaseUrl() throws Exception {
        standardCredentials();
        try (StandInTokenServer server = standIn()) {
            Parameters config = cxone(server.baseUrl());
            TokenService.Outcome outcome = obtain(config);
            assertTrue(outcome.fetched());
            assertTrue(server.issuedTokens().contains(outcome.token().value().reveal()));
            assertEquals(server.baseUrl() + "/cxone-api", outcome.token().apiBaseUrl());
            long lifetime = Duration.between(Instant.now(), outcome.token().expiresAt()).getSeconds();
            assertTrue(lifetime > 3590 && lifetime <= 3600, "lifetime " + lifetime);
            assertEquals(1, server.discoveryRequests());
            assertEquals(1, server.tokenRequests());
            assertEquals(1, server.cxoneConfigurationRequests());
            assertEquals(KEY_ID, outcome.credentials().get(1).clientId());
            assertEquals("settings.xml server 'cxone-access-key'", outcome.credentials().get(1).source());
            assertEquals(0, log.warnings(), log.lines.toString());
            assertNothingSecretIn(outcome.token().value().reveal());
        }
    }

    @Test
    void sendsTheDocumentedRequests() throws Exception {
        standardCredentials();
        try (ScriptedHttpServer server = new ScriptedHttpServer()) {
            scriptLogin(server, "tok-cx", "11ee-tenant", json(200, "{\"area\":\"na1\",\"cluster\":\"B32\","
                    + "\"domain\":\"niceincontact.com\",\"api_endpoint\":\"https://api-na1.niceincontact.com/\"}"));
            TokenService.Outcome outcome = obtain(cxone(server.url("/")));
            assertEquals("tok-cx", outcome.token().value().reveal());
            assertEquals("https://api-na1.niceincontact.com", outcome.token().apiBaseUrl());
            List<ScriptedHttpServer.Recorded> requests = server.requests();
            assertEquals(3, requests.size());
            assertEquals("GET", requests.get(0).method);
            assertEquals("/.well-known/openid-configuration", requests.get(0).target);
            assertNull(requests.get(0).header("authorization"));
            ScriptedHttpServer.Recorded token = requests.get(1);
            assertEquals("POST", token.method);
            assertEquals("/auth/token", token.target);
            assertTrue(token.header("content-type").startsWith("application/x-www-form-urlencoded"));
            assertNull(token.header("authorization"), "client_secret_post by default, as NICE's registration form asks");
            assertEquals("grant_type=password&username=AKIA-CXONE-4711"
                    + "&password=k3y%3DSecret%26with%2Bplus%3Acolon%2525percent%3D%C3%A9"
                    + "&client_id=cxone-app-7d1e&client_secret=App%2BS3cret%2Fwith%3Acolon%3D", token.body);
            assertEquals("GET", requests.get(2).method);
            assertEquals("/.well-known/cxone-configuration?tenantId=11ee-tenant", requests.get(2).target);
            assertNull(requests.get(2).header("authorization"), "the lookup carries no credentials");
        }
    }

    /** clientAuth=basic still sends the raw application pair in a Basic header, for registrations that chose it. */
    @Test
    void clientAuthBasicSendsTheRawApplicationPair() throws Exception {
        standardCredentials();
        try (ScriptedHttpServer server = new ScriptedHttpServer()) {
            scriptLogin(server, "tok-cx", "t", json(200, "{\"api_endpoint\":\"https://api-na1.niceincontact.com\"}"));
            obtain(cxone(server.url("/")).with("clientAuth", "basic"));
            ScriptedHttpServer.Recorded token = server.requests().get(1);
            assertEquals(basic(APP_ID, APP_SECRET), token.header("authorization"), "the raw application pair");
            assertFalse(token.body.contains("client_secret"), token.body);
        }
    }

    @Test
    void accessKeyAndApplicationSecretsWithSpecialCharactersRoundTrip() throws Exception {
        String[] secrets = {"a=b", "a&b=c", "plus+plus", "colon:colon", "100%25%", "=&+:%/?#é", "=="};
        for (String secret : secrets) {
            String appSecret = "app:" + secret;
            servers.put("cxone", new ServerCredentials(APP_ID, Secret.of(appSecret)));
            env.put("CXONE_ACCESS_KEY_ID", KEY_ID);
            env.put("CXONE_ACCESS_KEY_SECRET", "key" + secret);
            try (StandInTokenServer server = new StandInTokenServer(0, APP_ID, appSecret, 3600, KEY_ID,
                    "key" + secret)) {
                TokenService.Outcome outcome = obtain(cxone(server.baseUrl()));
                assertTrue(server.issuedTokens().contains(outcome.token().value().reveal()), secret);
                assertEquals("environment variables CXONE_ACCESS_KEY_ID and CXONE_ACCESS_KEY_SECRET", outcome.credentials().get(1).source());
            }
        }
    }

    @Test
    void accessKeySecretFromAFile(@TempDir Path dir) throws Exception {
        servers.put("cxone", new ServerCredentials(APP_ID, Secret.of(APP_SECRET)));
        Path file = dir.resolve("access-key-secret");
        Files.write(file, (KEY_SECRET + "\n").getBytes(StandardCharsets.UTF_8));
        env.put("MY_KEY_ID", KEY_ID);
        env.put("MY_KEY_SECRET_FILE", file.toString());
        try (StandInTokenServer server = standIn()) {
            TokenService.Outcome outcome = obtain(cxone(server.baseUrl()).with("accessKeyIdEnv", "MY_KEY_ID")
                    .with("accessKeySecretEnv", "MY_KEY_SECRET"));
            assertTrue(server.issuedTokens().contains(outcome.token().value().reveal()));
            assertEquals("environment variable MY_KEY_ID (the id) and file named by MY_KEY_SECRET_FILE (the secret)", outcome.credentials().get(1).source());
        }
    }

    @Test
    void aBadAccessKeyPointsAtTheAccessKeyPair() throws Exception {
        servers.put("cxone", new ServerCredentials(APP_ID, Secret.of(APP_SECRET)));
        servers.put("cxone-access-key", new ServerCredentials(KEY_ID, Secret.of(KEY_SECRET + "-old")));
        try (StandInTokenServer server = standIn()) {
            TokenRequestRejectedException e =
                    fails(TokenRequestRejectedException.class, cxone(server.baseUrl()));
            assertEquals(1, server.tokenRequests(), "a refusal is not retried");
            assertTrue(e.getMessage().contains("HTTP 400, error 'invalid_grant'"), e.getMessage());
            assertTrue(e.getMessage().contains("CXone did not accept the access key"), e.getMessage());
            assertTrue(e.getMessage().contains("read from settings.xml server 'cxone-access-key'"), e.getMessage());
            assertTrue(e.getMessage().contains("accessKeyServerId"), e.getMessage());
            assertTrue(e.getMessage().contains("CXONE_ACCESS_KEY_ID / CXONE_ACCESS_KEY_SECRET"), e.getMessage());
            assertFalse(e.getMessage().contains("CXONE_CLIENT_SECRET"), "the hint names one pair: " + e.getMessage());
            assertNothingSecretIn();
            assertFalse(e.getMessage().contains(KEY_SECRET + "-old"));
        }
    }

    @Test
    void aBadApplicationSecretPointsAtTheApplicationPair() throws Exception {
        servers.put("cxone", new ServerCredentials(APP_ID, Secret.of("App+S3cret/wrong")));
        env.put("CXONE_ACCESS_KEY_ID", KEY_ID);
        env.put("CXONE_ACCESS_KEY_SECRET", KEY_SECRET);
        try (StandInTokenServer server = standIn()) {
            TokenRequestRejectedException e =
                    fails(TokenRequestRejectedException.class, cxone(server.baseUrl()));
            assertEquals(1, server.tokenRequests());
            assertTrue(e.getMessage().contains("HTTP 401, error 'invalid_client'"), e.getMessage());
            assertTrue(e.getMessage().contains("CXone did not accept the registered application"), e.getMessage());
            assertTrue(e.getMessage().contains("read from settings.xml server 'cxone'"), e.getMessage());
            assertTrue(e.getMessage().contains("parameter serverId"), e.getMessage());
            assertTrue(e.getMessage().contains("CXONE_CLIENT_ID / CXONE_CLIENT_SECRET"), e.getMessage());
            assertFalse(e.getMessage().contains("CXONE_ACCESS_KEY"), "the hint names one pair: " + e.getMessage());
            assertFalse(e.getMessage().contains("App+S3cret/wrong"), e.getMessage());
            assertNothingSecretIn();
        }
    }

    @Test
    void aServerEchoingTheRequestCannotLeakTheAccessKey() throws Exception {
        standardCredentials();
        try (ScriptedHttpServer server = new ScriptedHttpServer()) {
            String echo = "<html>Bad request: username=" + KEY_ID + "&password=" + ClientAuthentications.formEncode(KEY_SECRET)
                    + " raw=" + KEY_SECRET + " auth=" + basic(APP_ID, APP_SECRET) + "</html>";
            server.enqueue(discovery(server), respond(400, "text/html", echo));
            TokenRequestRejectedException e =
                    fails(TokenRequestRejectedException.class, cxone(server.url("")));
            assertTrue(e.getMessage().contains("password=****"), e.getMessage());
            assertNothingSecretIn();
        }
    }

    @Test
    void aDiscoveryFailureStopsBeforeAnyCredentialIsSent() throws Exception {
        standardCredentials();
        try (ScriptedHttpServer server = new ScriptedHttpServer(respond(404, "text/html", "<h1>Not Found</h1>"))) {
            TokenRequestRejectedException e =
                    fails(TokenRequestRejectedException.class, cxone(server.url("")));
            assertEquals(1, server.requests().size());
            assertTrue(e.getMessage().startsWith("OpenID discovery request to " + server.url("")
                    + "/.well-known/openid-configuration was rejected: HTTP 404"), e.getMessage());
            assertTrue(e.getMessage().contains("environment (cxtoken.environment)"), e.getMessage());
            assertTrue(e.getMessage().contains("tokenUrl (cxtoken.tokenUrl)"), e.getMessage());
        }
        try (ScriptedHttpServer server = new ScriptedHttpServer(respond(200, "text/html", "<html>Portal</html>"))) {
            TokenEndpointException e = fails(TokenEndpointException.class, cxone(server.url("")));
            assertTrue(e.getMessage().contains("is not a discovery document: HTTP 200, content type text/html"),
                    e.getMessage());
            assertEquals(1, server.requests().size());
        }
        try (ScriptedHttpServer server = new ScriptedHttpServer()) {
            server.enqueue(json(200, "{\"issuer\":\"" + server.url("") + "\"}"));
            TokenEndpointException e = fails(TokenEndpointException.class, cxone(server.url("")));
            assertTrue(e.getMessage().contains("has no token_endpoint; its fields are [issuer]"), e.getMessage());
        }
        try (ScriptedHttpServer server = new ScriptedHttpServer(
                json(200, "{\"token_endpoint\":\"http://cxone.example.com/auth/token\"}"))) {
            InvalidConfigurationException e = fails(InvalidConfigurationException.class, cxone(server.url("")));
            assertTrue(e.getMessage().contains("The token_endpoint 'http://cxone.example.com/auth/token' uses plain"
                    + " http to a host that is not loopback"), e.getMessage());
            assertEquals(1, server.requests().size(), "nothing is sent to the http endpoint");
        }
        assertNothingSecretIn();
    }

    @Test
    void discoveryIsRetriedLikeATokenRequest() throws Exception {
        standardCredentials();
        try (ScriptedHttpServer server = new ScriptedHttpServer(json(503, "{}"))) {
            scriptLogin(server, "tok", "t-1", json(200, "{\"api_endpoint\":\"" + server.url("/api") + "\"}"));
            TokenService.Outcome outcome = obtain(cxone(server.url("")));
            assertEquals(server.url("/api"), outcome.token().apiBaseUrl());
            assertEquals(4, server.requests().size());
            assertTrue(log.lines.get(0).contains("OpenID discovery request attempt 1 of 4"), log.lines.get(0));
        }
    }

    @Test
    void anIdTokenWithoutTenantIdStillPublishesTheToken() throws Exception {
        standardCredentials();
        try (ScriptedHttpServer server = new ScriptedHttpServer()) {
            server.enqueue(discovery(server),
                    tokenWithIdToken("tok-no-tenant", "{\"iss\":\"" + server.url("") + "\",\"sub\":\"u\"}"));
            TokenService.Outcome outcome = obtain(cxone(server.url("")));
            assertEquals("tok-no-tenant", outcome.token().value().reveal());
            assertNull(outcome.token().apiBaseUrl());
            assertEquals(2, server.requests().size(), "no lookup without a tenant");
            assertEquals(1, log.warnings());
            String warning = log.lines.get(0);
            assertTrue(warning.startsWith("WARN Could not find the NICE CXone API base URL. The token response from"
                    + " 127.0.0.1:" + server.port() + " has an id_token without the tenantId claim; its claims are"
                    + " [iss, sub]."), warning);
            assertTrue(warning.endsWith("The token is published as ${cx.token}, but ${cx.token.apiBaseUrl} is not"
                    + " set."), warning);
            assertNothingSecretIn("tok-no-tenant");
        }
    }

    @Test
    void aTokenResponseWithoutAnIdTokenStillPublishesTheToken() throws Exception {
        standardCredentials();
        try (ScriptedHttpServer server = new ScriptedHttpServer()) {
            server.enqueue(discovery(server), json(200, "{\"access_token\":\"tok\",\"expires_in\":3600}"));
            TokenService.Outcome outcome = obtain(cxone(server.url("")).with("tokenProperty", "cxone.token"));
            assertNull(outcome.token().apiBaseUrl());
            assertTrue(log.lines.get(0).contains("has no id_token, which is where CXone names the tenant."),
                    log.lines.get(0));
            assertTrue(log.lines.get(0).contains("${cxone.token.apiBaseUrl} is not set"), log.lines.get(0));
        }
    }

    @Test
    void aFailedConfigurationLookupStillPublishesTheToken() throws Exception {
        standardCredentials();
        try (ScriptedHttpServer server = new ScriptedHttpServer()) {
            scriptLogin(server, "tok-lookup", "unknown tenant", json(404, "{\"error\":\"tenant not found\"}"));
            TokenService.Outcome outcome = obtain(cxone(server.url("")));
            assertEquals("tok-lookup", outcome.token().value().reveal());
            assertNull(outcome.token().apiBaseUrl());
            assertEquals("/.well-known/cxone-configuration?tenantId=unknown+tenant", server.requests().get(2).target);
            String warning = log.lines.get(0);
            assertTrue(warning.contains("CXone configuration lookup to " + server.url("")
                    + "/.well-known/cxone-configuration?tenantId=unknown+tenant was rejected: HTTP 404"), warning);
            assertTrue(warning.contains("${cx.token.apiBaseUrl} is not set"), warning);
            assertNothingSecretIn("tok-lookup");
        }
        try (ScriptedHttpServer server = new ScriptedHttpServer()) {
            scriptLogin(server, "tok", "t", json(200, "{\"area\":\"na1\"}"));
            assertNull(obtain(cxone(server.url(""))).token().apiBaseUrl());
            assertTrue(log.lines.get(log.lines.size() - 1).contains("has no api_endpoint; its fields are [area]"),
                    log.lines.toString());
        }
    }

    @Test
    void nothingIsSentToAnHttpIssuerOrPublishedForAnHttpApi() throws Exception {
        standardCredentials();
        try (ScriptedHttpServer server = new ScriptedHttpServer()) {
            server.enqueue(discovery(server), tokenWithIdToken("tok",
                    "{\"iss\":\"http://cxone.example.com\",\"tenantId\":\"t\"}"));
            assertNull(obtain(cxone(server.url(""))).token().apiBaseUrl());
            assertEquals(2, server.requests().size());
            assertTrue(log.lines.get(0).contains("has an id_token issued by 'http://cxone.example.com', not by the"
                    + " configured issuer " + server.url("")), log.lines.get(0));
        }
        log.lines.clear();
        try (ScriptedHttpServer server = new ScriptedHttpServer()) {
            scriptLogin(server, "tok", "t", json(200, "{\"api_endpoint\":\"http://api.example.com\"}"));
            assertNull(obtain(cxone(server.url(""))).token().apiBaseUrl());
            assertTrue(log.lines.get(0).contains("'http://api.example.com' uses plain http"), log.lines.get(0));
        }
    }

    @Test
    void oneDiscoveryPerBuildEvenWhenTheTokenIsRefreshed() throws Exception {
        standardCredentials();
        ManualClock clock = new ManualClock();
        try (StandInTokenServer server = standIn()) {
            Parameters config = cxone(server.baseUrl());
            TokenService.Outcome first = obtain(config, clock, false);
            TokenService.Outcome second = obtain(config, clock, false);
            assertTrue(first.fetched());
            assertFalse(second.fetched());
            assertEquals(first.token().value().reveal(), second.token().value().reveal());
            assertEquals(server.baseUrl() + "/cxone-api", second.token().apiBaseUrl());
            assertEquals(1, server.discoveryRequests());
            assertEquals(1, server.tokenRequests());
            clock.advance(Duration.ofMinutes(56)); // 4 minutes left: less than minValidity
            TokenService.Outcome third = obtain(config, clock, false);
            assertTrue(third.fetched());
            assertEquals(1, server.discoveryRequests(), "the discovered endpoint is remembered for the build");
            assertEquals(2, server.tokenRequests());
        }
    }

    /** A discovery document for another issuer is not followed: nothing is sent to the endpoint it names. */
    @Test
    void aDiscoveryDocumentOfAnotherIssuerIsRefusedBeforeAnyCredentialIsSent() throws Exception {
        standardCredentials();
        try (ScriptedHttpServer server = new ScriptedHttpServer()) {
            server.enqueue(json(200, "{\"issuer\":\"https://evil.example\",\"token_endpoint\":\""
                    + server.url("/auth/token") + "\"}"));
            TokenEndpointException e = fails(TokenEndpointException.class, cxone(server.url("")));
            assertTrue(e.getMessage().contains("names the issuer 'https://evil.example', not " + server.url("")),
                    e.getMessage());
            assertEquals(1, server.requests().size(), "only the discovery document was fetched");
        }
    }

    /**
     * The id_token is not verified, so its issuer must be the configured one: here the stand-in names itself, while
     * the build is configured for NICE's global issuer, so nothing is looked up and no API base URL is published.
     */
    @Test
    void anIdTokenFromAnotherIssuerIsNotFollowed() throws Exception {
        standardCredentials();
        try (StandInTokenServer server = standIn()) {
            TokenService.Outcome outcome = obtain(cxone(null).with("tokenUrl", server.baseUrl() + "/auth/token"));
            assertTrue(server.issuedTokens().contains(outcome.token().value().reveal()));
            assertNull(outcome.token().apiBaseUrl());
            assertEquals(0, server.discoveryRequests());
            String warning = log.lines.stream().filter(l -> l.startsWith("WARN ")).findFirst().orElse("");
            assertTrue(warning.contains("has an id_token issued by '" + server.baseUrl() + "', not by the configured"
                    + " issuer https://cxone.niceincontact.com"), warning);
            assertFalse(log.all().contains("cxone-configuration?tenantId"), "the lookup was sent: " + log.all());
        }
    }

    @Test
    void tokenUrlOverridesDiscovery() throws Exception {
        standardCredentials();
        try (StandInTokenServer server = standIn()) {
            TokenService.Outcome outcome = obtain(cxone(server.baseUrl()).with("tokenUrl",
                    server.baseUrl() + "/auth/token"));
            assertTrue(server.issuedTokens().contains(outcome.token().value().reveal()));
            assertEquals(0, server.discoveryRequests());
            assertEquals(server.baseUrl() + "/cxone-api", outcome.token().apiBaseUrl());
        }
    }

    @Test
    void aCachedTokenIsSharedOnlyByTheSameTwoPairs() throws Exception {
        standardCredentials();
        try (StandInTokenServer server = standIn()) {
            Parameters config = cxone(server.baseUrl());
            obtain(config);
            servers.put("cxone-access-key", new ServerCredentials(KEY_ID, Secret.of("another-secret")));
            assertThrows(TokenRequestRejectedException.class, () -> obtain(config));
            assertEquals(2, server.tokenRequests(), "a different access key secret is a different cache entry");
            for (String key : allKeys(buildStore)) {
                assertFalse(key.contains(KEY_SECRET) || key.contains(APP_SECRET), key);
            }
        }
    }

    @Test
    void missingPairsAreNamedWithEveryPlaceLookedAt() throws Exception {
        try (StandInTokenServer server = standIn()) {
            MissingCredentialsException both =
                    fails(MissingCredentialsException.class, cxone(server.baseUrl()));
            for (String place : new String[] {"No application client credentials found for provider 'cxone'",
                "settings.xml server 'cxone'", "CXONE_CLIENT_ID_FILE", "CXONE_CLIENT_SECRET_FILE", "cxtoken.clientId",
                "No access key credentials found", "settings.xml server 'cxone-access-key'",
                "parameter accessKeyServerId", "CXONE_ACCESS_KEY_ID_FILE", "CXONE_ACCESS_KEY_SECRET_FILE",
                "username = access key id, password = access key secret"}) {
                assertTrue(both.getMessage().contains(place), place + " in " + both.getMessage());
            }
            servers.put("cxone", new ServerCredentials(APP_ID, Secret.of(APP_SECRET)));
            env.put("CXONE_ACCESS_KEY_ID", KEY_ID);
            MissingCredentialsException secret =
                    fails(MissingCredentialsException.class, cxone(server.baseUrl()));
            assertTrue(secret.getMessage().startsWith("No access key secret found for provider 'cxone'"),
                    secret.getMessage());
            servers.put("cxone-access-key", new ServerCredentials(null, Secret.of(KEY_SECRET)));
            MissingCredentialsException id = fails(MissingCredentialsException.class, cxone(server.baseUrl()));
            assertEquals("settings.xml server 'cxone-access-key' has no <username>. Put the access key id there.",
                    id.getMessage());
            assertEquals(0, server.discoveryRequests() + server.tokenRequests(), "nothing is sent");
            assertNothingSecretIn();
        }
    }

    @Test
    void offlineWithoutACachedTokenSendsNothing() throws Exception {
        standardCredentials();
        try (StandInTokenServer server = standIn()) {
            Parameters config = cxone(server.baseUrl());
            assertThrows(InvalidConfigurationException.class, () -> obtain(config, Clock.systemUTC(), true));
            assertEquals(0, server.discoveryRequests());
        }
    }
}
