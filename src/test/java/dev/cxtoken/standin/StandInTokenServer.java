package dev.cxtoken.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small OAuth 2.0 token server on 127.0.0.1 that checks client secrets the way the real servers decode them, for the
 * demo, the integration tests and the benchmark. JDK classes only, so it also runs as a single source file:
 * {@code java StandInTokenServer.java --port-file F --client-id ID --client-secret SECRET}, plus
 * {@code --access-key-id ID --access-key-secret SECRET} for CXone.
 *
 * <ul>
 *   <li>{@code POST /oauth/token}: Genesys Cloud style; the Basic header carries the raw id:secret pair.
 *   <li>{@code POST /oauth2/token}: RFC 6749 style; id and secret are form-urlencoded inside the Basic header, or
 *       sent as client_id and client_secret in the body.
 *   <li>{@code GET /api/v2/tokens/me}: for an active token (issued here, neither expired nor revoked) 200 with
 *       Genesys's shape (organization, homeOrganization, OAuthClient, authorizedScope), 401 otherwise;
 *       {@code DELETE /api/v2/tokens/me} revokes the token it carries: 204, or 401 for one that is not active.
 *   <li>{@code POST /oauth2/revoke}: RFC 7009, the client authenticated as for {@code /oauth2/token}; 200 for any
 *       token, 401 {@code invalid_client}, 400 without a token.
 *   <li>{@code GET /token-status?token=T}: {@code {"active":…,"revoked":…}}.
 *   <li>NICE CXone, with this server as the issuer:
 *     <ul>
 *       <li>{@code GET /.well-known/openid-configuration}: the discovery document, naming {@code /auth/token}.
 *       <li>{@code POST /auth/token}: the password grant. The application authenticates with client_id and
 *           client_secret in the form (client_secret_post) or with its raw id:secret pair in a Basic header, as
 *           {@code --cxone-client-auth post|basic|any} allows (default any; the discovery document lists what is
 *           allowed); the form's username and password carry the access key. A wrong application, or a method not
 *           allowed, answers 401 {@code invalid_client}, a wrong access key 400 {@code invalid_grant}. A good
 *           request gets an access token, a refresh token and an id_token whose claims name the issuer and the
 *           tenant.
 *       <li>{@code POST /authentication/v1/token/access-key}: NICE's access-key login, a JSON document
 *           {@code {"accessKeyId": …, "accessKeySecret": …}}. 200 with the same answer as the password grant, 401 for
 *           a wrong key, 400 for a body that is not such a document.
 *       <li>{@code GET /.well-known/cxone-configuration?tenantId=T}: {@code api_endpoint} (this server's
 *           {@code /cxone-api}), {@code area}, {@code cluster} and {@code domain} for the known tenant, 404 otherwise.
 *       <li>{@code GET /cxone-api/...}: 200 with the tenant id for an active token, 401 otherwise.
 *       <li>{@code POST /auth/revoke}: RFC 7009, the application authenticated as for {@code /auth/token}; named
 *           as the discovery document's revocation_endpoint unless {@code --cxone-revocation false} (then 404).
 *     </ul>
 *   <li>{@code GET /stats}: {"tokenRequests":N,"discoveryRequests":N,"cxoneConfigurationRequests":N}, where
 *       plus "issuedTokens", "revokedTokens", "activeTokens", "revocationRequests" and "tokensMeRequests";
 *       tokenRequests counts the requests to every token endpoint.
 *   <li>Options for the lifecycle: {@code --expires-in S}, {@code --org-id}, {@code --org-name},
 *       {@code --client-name}; {@link #failRevocations} makes revocations answer 503.
 * </ul>
 */
public final class StandInTokenServer implements AutoCloseable {
    /** The tenant every CXone id_token of this server names. */
    public static final String CXONE_TENANT_ID = "11ee0000-0000-4000-8000-00000000cafe";
    public static final String DEFAULT_ACCESS_KEY_ID = "standin-access-key";
    public static final String DEFAULT_ACCESS_KEY_SECRET = "standin-access-key-secret";
    public static final String DEFAULT_ORG_ID = "stand-in-org";
    public static final String DEFAULT_ORG_NAME = "Stand-in org";
    public static final String DEFAULT_CLIENT_NAME = "Stand-in client";

    private final HttpServer server;
    private final String clientId;
    private final String clientSecret;
    private volatile long expiresIn;
    private volatile String orgId = DEFAULT_ORG_ID;
    private volatile String orgName = DEFAULT_ORG_NAME;
    private volatile String clientName = DEFAULT_CLIENT_NAME;
    private volatile boolean cxoneRevocation = true;
    private final AtomicInteger failRevocations = new AtomicInteger();
    private final AtomicInteger revocationRequests = new AtomicInteger();
    private final AtomicInteger tokensMeRequests = new AtomicInteger();
    private final String accessKeyId;
    private final String accessKeySecret;
    private final StandInTokens tokens = new StandInTokens();
    private final Set<String> issuedIdTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger discoveryRequests = new AtomicInteger();
    private final AtomicInteger cxoneConfigurationRequests = new AtomicInteger();
    private volatile String cxoneClientAuth = "any";

    /** A server whose CXone access key is {@link #DEFAULT_ACCESS_KEY_ID} / {@link #DEFAULT_ACCESS_KEY_SECRET}. */
    public StandInTokenServer(int port, String clientId, String clientSecret, long expiresIn) throws IOException {
        this(port, clientId, clientSecret, expiresIn, DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET);
    }

    /**
     * @param clientId the client id; for CXone, the registered application's
     * @param accessKeyId the CXone access key id, expected as the password grant's username
     * @param accessKeySecret the CXone access key secret, expected as its password
     */
    public StandInTokenServer(int port, String clientId, String clientSecret, long expiresIn, String accessKeyId,
            String accessKeySecret) throws IOException {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.expiresIn = expiresIn;
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stand-in-token-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/oauth/token", exchange -> token(exchange, false));
        server.createContext("/oauth2/token", exchange -> token(exchange, true));
        server.createContext("/oauth2/revoke", exchange -> revoke(exchange, true));
        server.createContext("/auth/revoke", exchange -> revoke(exchange, false));
        server.createContext("/token-status", this::tokenStatus);
        server.createContext("/api/v2/tokens/me", this::tokensMe);
        server.createContext("/.well-known/openid-configuration", this::cxoneDiscovery);
        server.createContext("/auth/token", this::cxoneToken);
        server.createContext("/.well-known/cxone-configuration", this::cxoneConfiguration);
        server.createContext("/cxone-api/", this::cxoneApi);
        server.createContext("/authentication/v1/token/access-key", this::cxoneAccessKeyToken);
        server.createContext("/stats", exchange -> send(exchange, 200, "{\"tokenRequests\":" + tokenRequests.get()
                + ",\"discoveryRequests\":" + discoveryRequests.get() + ",\"cxoneConfigurationRequests\":"
                + cxoneConfigurationRequests.get() + ",\"issuedTokens\":" + tokens.issued().size()
                + ",\"revokedTokens\":" + tokens.revoked().size() + ",\"activeTokens\":" + tokens.active().size()
                + ",\"revocationRequests\":" + revocationRequests.get() + ",\"tokensMeRequests\":"
                + tokensMeRequests.get() + "}"));
        server.start();
    }

    /** The lifetime of tokens issued from now on, in seconds. */
    public StandInTokenServer expiresIn(long seconds) {
        this.expiresIn = seconds;
        return this;
    }

    /** The org that GET /api/v2/tokens/me names. */
    public StandInTokenServer organization(String id, String name) {
        this.orgId = id;
        this.orgName = name;
        return this;
    }

    /** The OAuth client's name that GET /api/v2/tokens/me names. */
    public StandInTokenServer clientName(String name) {
        this.clientName = name;
        return this;
    }

    /** Whether the CXone discovery document names a revocation_endpoint (and /auth/revoke answers). */
    public StandInTokenServer cxoneRevocation(boolean offered) {
        this.cxoneRevocation = offered;
        return this;
    }

    /** The next {@code n} requests to a revocation endpoint answer 503 without revoking. */
    public StandInTokenServer failRevocations(int n) {
        failRevocations.set(n);
        return this;
    }

    /** Requests to every revocation endpoint, failed ones included. */
    public int revocationRequests() {
        return revocationRequests.get();
    }

    /** GET /api/v2/tokens/me requests. */
    public int tokensMeRequests() {
        return tokensMeRequests.get();
    }

    /** Tokens revoked so far. */
    public Set<String> revokedTokens() {
        return tokens.revoked();
    }

    /** Tokens issued, neither expired nor revoked. */
    public Set<String> activeTokens() {
        return tokens.active();
    }

    public boolean isActive(String token) {
        return tokens.isActive(token);
    }

    /** How the CXone application may authenticate: "post", "basic" or "any". */
    public StandInTokenServer cxoneClientAuth(String method) {
        this.cxoneClientAuth = method;
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Requests to every token endpoint, CXone's included. */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** Requests for the CXone OpenID discovery document. */
    public int discoveryRequests() {
        return discoveryRequests.get();
    }

    /** Requests for the CXone tenant configuration. */
    public int cxoneConfigurationRequests() {
        return cxoneConfigurationRequests.get();
    }

    /** Every token this server handed out, active or not, for tests that look for leaks. */
    public Set<String> issuedTokens() {
        return tokens.issued();
    }

    /** Every CXone id_token this server handed out; the plugin reads them but must never write them anywhere. */
    public Set<String> issuedIdTokens() {
        return Set.copyOf(issuedIdTokens);
    }

    /**
     * Counts a token request and reads its form; answers and returns null when it is not a POST of the given grant.
     */
    private Map<String, String> tokenForm(HttpExchange exchange, String grantType) throws IOException {
        tokenRequests.incrementAndGet();
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "{\"error\":\"invalid_request\",\"error_description\":\"POST only\"}");
            return null;
        }
        Map<String, String> form = parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!grantType.equals(form.get("grant_type"))) {
            send(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
            return null;
        }
        return form;
    }

    private void token(HttpExchange exchange, boolean rfc6749) throws IOException {
        Map<String, String> form = tokenForm(exchange, "client_credentials");
        if (form == null) {
            return;
        }
        String[] pair = credentials(exchange.getRequestHeaders().getFirst("Authorization"), form, rfc6749);
        if (pair == null || !clientId.equals(pair[0]) || !clientSecret.equals(pair[1])) {
            send(exchange, 400, "{\"error\":\"invalid_client\",\"description\":\"authentication failed\","
                    + "\"error_description\":\"authentication failed\"}");
            return;
        }
        String token = "standin-" + UUID.randomUUID();
        tokens.issue(token, expiresIn);
        send(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":"
                + expiresIn + "}");
    }

    private void cxoneDiscovery(HttpExchange exchange) throws IOException {
        discoveryRequests.incrementAndGet();
        send(exchange, 200, "{\"issuer\":\"" + baseUrl() + "\",\"token_endpoint\":\"" + baseUrl() + "/auth/token\","
                + (cxoneRevocation ? "\"revocation_endpoint\":\"" + baseUrl() + "/auth/revoke\"," : "")
                + "\"grant_types_supported\":[\"password\",\"refresh_token\",\"authorization_code\"],"
                + "\"token_endpoint_auth_methods_supported\":[" + (cxoneClientAuth.equals("post")
                ? "\"client_secret_post\"" : cxoneClientAuth.equals("basic") ? "\"client_secret_basic\""
                : "\"client_secret_basic\",\"client_secret_post\"") + "]}");
    }

    private void cxoneToken(HttpExchange exchange) throws IOException {
        Map<String, String> form = tokenForm(exchange, "password");
        if (form == null) {
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        boolean basic = authorization != null;
        String[] application = basic ? credentials(authorization, form, false)
                : form.containsKey("client_id") ? new String[] {form.get("client_id"), form.get("client_secret")} : null;
        boolean allowed = cxoneClientAuth.equals("any") || cxoneClientAuth.equals(basic ? "basic" : "post");
        if (!allowed || application == null || !clientId.equals(application[0])
                || !clientSecret.equals(application[1])) {
            send(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication"
                    + " failed\"}");
            return;
        }
        if (!accessKeyId.equals(form.get("username")) || !accessKeySecret.equals(form.get("password"))) {
            send(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid username or"
                    + " password\"}");
            return;
        }
        sendCxoneToken(exchange);
    }

    private void cxoneAccessKeyToken(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "{\"error\":\"invalid_request\"}");
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String id = jsonString(body, "accessKeyId");
        String secret = jsonString(body, "accessKeySecret");
        if (id == null || secret == null) {
            send(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":\"accessKeyId and"
                    + " accessKeySecret are required\"}");
            return;
        }
        if (!accessKeyId.equals(id) || !accessKeySecret.equals(secret)) {
            send(exchange, 401, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid access key\"}");
            return;
        }
        sendCxoneToken(exchange);
    }

    /**
     * A JSON string field of a flat object, decoded (escapes included); null when absent or when the body is not
     * such an object. Enough for the two-field documents of the access-key login, with JDK classes only.
     */
    static String jsonString(String body, String name) {
        String text = body.trim();
        if (!text.startsWith("{") || !text.endsWith("}")) {
            return null;
        }
        int at = text.indexOf("\"" + name + "\"");
        if (at < 0) {
            return null;
        }
        int i = text.indexOf(':', at + name.length() + 2);
        while (i >= 0 && ++i < text.length() && Character.isWhitespace(text.charAt(i))) {
            // Skip to the value.
        }
        if (i < 0 || i >= text.length() || text.charAt(i) != '"') {
            return null;
        }
        StringBuilder value = new StringBuilder();
        for (i++; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\' && i + 1 < text.length()) {
                char e = text.charAt(++i);
                switch (e) {
                    case 'n': value.append('\n'); break;
                    case 't': value.append('\t'); break;
                    case 'r': value.append('\r'); break;
                    case 'b': value.append('\b'); break;
                    case 'f': value.append('\f'); break;
                    case 'u':
                        value.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                        i += 4;
                        break;
                    default: value.append(e);
                }
            } else {
                value.append(c);
            }
        }
        return null;
    }

    private void sendCxoneToken(HttpExchange exchange) throws IOException {
        String token = "standin-cxone-" + UUID.randomUUID();
        tokens.issue(token, expiresIn);
        long now = System.currentTimeMillis() / 1000;
        String claims = "{\"iss\":\"" + baseUrl() + "\",\"sub\":\"user:stand-in\",\"aud\":\"" + clientId
                + "\",\"tenantId\":\"" + CXONE_TENANT_ID + "\",\"name\":\"stand-in user\",\"iat\":" + now
                + ",\"exp\":" + (now + expiresIn) + "}";
        String idToken = jwt(claims);
        issuedIdTokens.add(idToken);
        send(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + expiresIn + ",\"refresh_token\":\"standin-refresh-" + UUID.randomUUID() + "\",\"id_token\":\""
                + idToken + "\",\"issued_token_type\":\"urn:ietf:params:oauth:token-type:access_token\"}");
    }

    /** A JWT with the given claims. The signature is not a real one: clients only read the claims. */
    private static String jwt(String claims) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + encoder.encodeToString("stand-in-signature".getBytes(StandardCharsets.UTF_8));
    }

    private void cxoneConfiguration(HttpExchange exchange) throws IOException {
        cxoneConfigurationRequests.incrementAndGet();
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, String> parameters = parseForm(query == null ? "" : query);
        if (!CXONE_TENANT_ID.equals(parameters.get("tenantId"))) {
            send(exchange, 404, "{\"error\":\"tenant not found\"}");
            return;
        }
        send(exchange, 200, "{\"private\":false,\"area\":\"na1\",\"cluster\":\"B32\",\"domain\":"
                + "\"niceincontact.com\",\"acd_domain\":\"niceincontact.com\",\"ui_endpoint\":\"" + baseUrl()
                + "/cxone-ui\",\"auth_endpoint\":\"" + baseUrl() + "\",\"api_endpoint\":\"" + baseUrl()
                + "/cxone-api\"}");
    }

    private void cxoneApi(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        if (tokens.isActive(token)) {
            send(exchange, 200, "{\"tenantId\":\"" + CXONE_TENANT_ID + "\"}");
        } else {
            send(exchange, 401, "{\"error\":\"invalid_token\"}");
        }
    }

    private static String[] credentials(String authorization, Map<String, String> form, boolean rfc6749) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            String id = decoded.substring(0, colon);
            String secret = decoded.substring(colon + 1);
            if (!rfc6749) {
                return new String[] {id, secret};
            }
            try {
                return new String[] {urlDecode(id), urlDecode(secret)};
            } catch (IllegalArgumentException notFormEncoded) {
                // A raw pair with a stray '%': real servers refuse it as bad client credentials, not with a 500.
                return null;
            }
        }
        if (rfc6749 && form.containsKey("client_id") && form.containsKey("client_secret")) {
            return new String[] {form.get("client_id"), form.get("client_secret")};
        }
        return null;
    }

    private void tokensMe(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        String method = exchange.getRequestMethod();
        if (method.equals("DELETE")) {
            if (revocationFails(exchange)) {
                return;
            }
            if (tokens.revoke(token)) {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            } else {
                sendUnauthorized(exchange);
            }
            return;
        }
        if (!method.equals("GET")) {
            send(exchange, 405, "{\"message\":\"method not allowed\"}");
            return;
        }
        tokensMeRequests.incrementAndGet();
        if (!tokens.isActive(token)) {
            sendUnauthorized(exchange);
            return;
        }
        String org = "{\"id\":\"" + orgId + "\",\"name\":\"" + orgName + "\",\"selfUri\":\"/api/v2/organizations/"
                + orgId + "\"}";
        send(exchange, 200, "{\"organization\":" + org + ",\"homeOrganization\":" + org + ",\"OAuthClient\":{\"id\":\""
                + clientId + "\",\"name\":\"" + clientName + "\",\"organization\":{\"id\":\"" + orgId + "\"}},"
                + "\"authorizedScope\":[]}");
    }

    private static void sendUnauthorized(HttpExchange exchange) throws IOException {
        send(exchange, 401, "{\"message\":\"Invalid login credentials.\",\"code\":\"bad.credentials\",\"status\":401}");
    }

    /** Counts a revocation request; answers 503 and returns true while failures are asked for. */
    private boolean revocationFails(HttpExchange exchange) throws IOException {
        revocationRequests.incrementAndGet();
        if (failRevocations.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            send(exchange, 503, "{\"error\":\"temporarily_unavailable\"}");
            return true;
        }
        return false;
    }

    /**
     * RFC 7009 revocation: {@code /oauth2/revoke} authenticates the client as {@code /oauth2/token} does, CXone's
     * {@code /auth/revoke} as {@code /auth/token} does. 200 for any token, known or not (RFC 7009 §2.2).
     */
    private void revoke(HttpExchange exchange, boolean rfc6749) throws IOException {
        if (!rfc6749 && !cxoneRevocation) {
            send(exchange, 404, "{\"error\":\"not found\"}");
            return;
        }
        if (revocationFails(exchange)) {
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "{\"error\":\"invalid_request\"}");
            return;
        }
        Map<String, String> form = parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String[] pair;
        if (rfc6749) {
            pair = credentials(authorization, form, true);
        } else {
            boolean basic = authorization != null;
            boolean allowed = cxoneClientAuth.equals("any") || cxoneClientAuth.equals(basic ? "basic" : "post");
            pair = !allowed ? null : basic ? credentials(authorization, form, false) : form.containsKey("client_id")
                    ? new String[] {form.get("client_id"), form.get("client_secret")} : null;
        }
        if (pair == null || !clientId.equals(pair[0]) || !clientSecret.equals(pair[1])) {
            send(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = form.get("token");
        if (token == null || token.isEmpty()) {
            send(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":\"token is required\"}");
            return;
        }
        tokens.revoke(token);
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    /** {@code GET /token-status?token=T}: whether a token still works, for verify scripts and the demo. */
    private void tokenStatus(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String token = parseForm(query == null ? "" : query).getOrDefault("token", "");
        send(exchange, 200, "{\"active\":" + tokens.isActive(token) + ",\"revoked\":" + tokens.isRevoked(token) + "}");
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String field : body.split("&")) {
            int eq = field.indexOf('=');
            if (eq > 0) {
                form.put(urlDecode(field.substring(0, eq)), urlDecode(field.substring(eq + 1)));
            }
        }
        return form;
    }

    private static String urlDecode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        StandInTokenServer server = new StandInTokenServer(Integer.parseInt(options.getOrDefault("--port", "0")),
                options.getOrDefault("--client-id", "demo-client"),
                options.getOrDefault("--client-secret", "demo-secret"),
                Long.parseLong(options.getOrDefault("--expires-in", "86399")),
                options.getOrDefault("--access-key-id", DEFAULT_ACCESS_KEY_ID),
                options.getOrDefault("--access-key-secret", DEFAULT_ACCESS_KEY_SECRET))
                .cxoneClientAuth(options.getOrDefault("--cxone-client-auth", "any"))
                .cxoneRevocation(!"false".equals(options.get("--cxone-revocation")))
                .organization(options.getOrDefault("--org-id", DEFAULT_ORG_ID),
                        options.getOrDefault("--org-name", DEFAULT_ORG_NAME))
                .clientName(options.getOrDefault("--client-name", DEFAULT_CLIENT_NAME));
        String portFile = options.get("--port-file");
        if (portFile != null) {
            Path path = Paths.get(portFile);
            Path temp = Files.createTempFile(path.toAbsolutePath().getParent(), "port", ".tmp");
            Files.write(temp, String.valueOf(server.port()).getBytes(StandardCharsets.UTF_8));
            Files.move(temp, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        System.out.println("Stand-in token server listening on " + server.baseUrl());
        Thread.currentThread().join();
    }
}

/** The tokens a stand-in server issued: when each expires, and which were revoked. */
final class StandInTokens {
    private final Map<String, Long> expiry = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    void issue(String token, long expiresInSeconds) {
        expiry.put(token, System.currentTimeMillis() + expiresInSeconds * 1000);
    }

    boolean isActive(String token) {
        Long until = expiry.get(token);
        return until != null && System.currentTimeMillis() < until && !revoked.contains(token);
    }

    boolean isRevoked(String token) {
        return revoked.contains(token);
    }

    /** Revokes a token this server issued; true when it was active until now. */
    boolean revoke(String token) {
        boolean active = isActive(token);
        if (expiry.containsKey(token)) {
            revoked.add(token);
        }
        return active;
    }

    Set<String> issued() {
        return Set.copyOf(expiry.keySet());
    }

    Set<String> revoked() {
        return Set.copyOf(revoked);
    }

    Set<String> active() {
        Set<String> active = new HashSet<>();
        for (String token : expiry.keySet()) {
            if (isActive(token)) {
                active.add(token);
            }
        }
        return active;
    }
}
