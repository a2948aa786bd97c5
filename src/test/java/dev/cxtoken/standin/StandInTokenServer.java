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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small OAuth 2.0 token server on 127.0.0.1 that checks client secrets the way the real servers decode them, for the
 * demo, the integration tests and the benchmark. JDK classes only, so it also runs as a single source file:
 * {@code java StandInTokenServer.java --port-file F --client-id ID --client-secret SECRET}.
 *
 * <ul>
 *   <li>{@code POST /oauth/token}: Genesys Cloud style; the Basic header carries the raw id:secret pair.
 *   <li>{@code POST /oauth2/token}: RFC 6749 style; id and secret are form-urlencoded inside the Basic header, or
 *       sent as client_id and client_secret in the body.
 *   <li>{@code GET /api/v2/tokens/me}: 200 for a token this server issued, 401 otherwise.
 *   <li>{@code GET /stats}: {"tokenRequests":N}.
 * </ul>
 */
public final class StandInTokenServer implements AutoCloseable {
    private final HttpServer server;
    private final String clientId;
    private final String clientSecret;
    private final long expiresIn;
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokenRequests = new AtomicInteger();

    public StandInTokenServer(int port, String clientId, String clientSecret, long expiresIn) throws IOException {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.expiresIn = expiresIn;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stand-in-token-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/oauth/token", exchange -> token(exchange, false));
        server.createContext("/oauth2/token", exchange -> token(exchange, true));
        server.createContext("/api/v2/tokens/me", this::tokensMe);
        server.createContext("/stats", exchange ->
                send(exchange, 200, "{\"tokenRequests\":" + tokenRequests.get() + "}"));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** Every token this server handed out, for tests that look for leaks. */
    public Set<String> issuedTokens() {
        return Set.copyOf(issued);
    }

    private void token(HttpExchange exchange, boolean rfc6749) throws IOException {
        tokenRequests.incrementAndGet();
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "{\"error\":\"invalid_request\",\"error_description\":\"POST only\"}");
            return;
        }
        Map<String, String> form = parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"client_credentials".equals(form.get("grant_type"))) {
            send(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        String[] pair = credentials(exchange.getRequestHeaders().getFirst("Authorization"), form, rfc6749);
        if (pair == null || !clientId.equals(pair[0]) || !clientSecret.equals(pair[1])) {
            send(exchange, 400, "{\"error\":\"invalid_client\",\"description\":\"authentication failed\","
                    + "\"error_description\":\"authentication failed\"}");
            return;
        }
        String token = "standin-" + UUID.randomUUID();
        issued.add(token);
        send(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":"
                + expiresIn + "}");
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
        if (issued.contains(token)) {
            send(exchange, 200, "{\"organization\":{\"id\":\"stand-in-org\",\"name\":\"Stand-in org\"},"
                    + "\"OAuthClient\":{\"id\":\"" + clientId + "\"}}");
        } else {
            send(exchange, 401, "{\"message\":\"Invalid login credentials.\",\"code\":\"bad.credentials\",\"status\":401}");
        }
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
                Long.parseLong(options.getOrDefault("--expires-in", "86399")));
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
