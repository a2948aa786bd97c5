/*
 * A stand-in for a CI system's OpenID Connect issuer (GitLab's id_tokens, GitHub Actions' OIDC tokens), for the Keycloak
 * ITs only. Run as a single source file, with no dependencies:
 *
 *   java scripts/keycloak/CiIssuer.java --port 38581 --gitlab-sub <subject> --github-sub <subject>
 *        --request-token-file <file> [--ready-file <file>]
 *
 * It listens on 127.0.0.1 only and signs RS256 job tokens with a key made at start-up (never written anywhere):
 *
 *   GET /.well-known/openid-configuration   issuer and jwks_uri, which Keycloak's identity provider trusts
 *   GET /jwks                               the public key
 *   GET /mint?sub=&aud=&lifetime=&iatOffset=&key=rogue
 *                                           test only: a signed job token as text (sub defaults to the GitLab-like
 *                                           subject, lifetime to 300 s, iatOffset to 0; key=rogue signs with a key
 *                                           that /jwks does not publish)
 *   GET /github-oidc?...&audience=X         as GitHub Actions' ACTIONS_ID_TOKEN_REQUEST_URL: needs
 *                                           "Authorization: Bearer <request token>", answers {"value":"<jwt>"} for the
 *                                           GitHub-like subject (audience defaults to https://github.com/acme, as
 *                                           GitHub's does to the repository owner's URL)
 *   GET /minted                             test only: every token minted so far, one a line, for the ITs' leak scans
 *   GET /stats                              test only: "github-requests=<n>"
 *
 * Every token has iss, sub, aud, iat, nbf, exp and a random jti.
 */

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

public class CiIssuer {
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String issuer;
    private final String gitlabSub;
    private final String githubSub;
    private final String requestToken;
    private final KeyPair key;
    private final KeyPair rogueKey;
    private final String kid;
    private final List<String> minted = new ArrayList<>();
    private final AtomicInteger githubRequests = new AtomicInteger();

    CiIssuer(String issuer, String gitlabSub, String githubSub, String requestToken) throws Exception {
        this.issuer = issuer;
        this.gitlabSub = gitlabSub;
        this.githubSub = githubSub;
        this.requestToken = requestToken;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.key = generator.generateKeyPair();
        this.rogueKey = generator.generateKeyPair();
        RSAPublicKey publicKey = (RSAPublicKey) key.getPublic();
        // The key id is a digest of the modulus: a new key (a new start) gets a new id, so no cache mixes them up.
        this.kid = B64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(publicKey.getModulus().toByteArray())).substring(0, 16);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        int port = Integer.parseInt(require(options, "port"));
        // The request token comes from a file, not the command line, which any local user can read in ps.
        String requestToken = Files.readString(Path.of(require(options, "request-token-file"))).trim();
        CiIssuer issuer = new CiIssuer("http://127.0.0.1:" + port, require(options, "gitlab-sub"),
                require(options, "github-sub"), requestToken);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.createContext("/", issuer::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        System.out.println("CI issuer stand-in listening on " + issuer.issuer + " (kid " + issuer.kid + ")");
        if (options.containsKey("ready-file")) {
            Files.writeString(Path.of(options.get("ready-file")), issuer.issuer + "\n");
        }
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing --" + name);
        }
        return value;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "GET only");
            } else if (path.equals("/.well-known/openid-configuration")) {
                send(exchange, 200, "application/json", "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer
                        + "/jwks\",\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                        + "\"response_types_supported\":[\"id_token\"],\"subject_types_supported\":[\"public\"]}");
            } else if (path.equals("/jwks")) {
                RSAPublicKey publicKey = (RSAPublicKey) key.getPublic();
                send(exchange, 200, "application/json", "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\","
                        + "\"kid\":\"" + kid + "\",\"n\":\"" + unsigned(publicKey.getModulus()) + "\",\"e\":\""
                        + unsigned(publicKey.getPublicExponent()) + "\"}]}");
            } else if (path.equals("/mint")) {
                String aud = query.get("aud");
                if (aud == null) {
                    send(exchange, 400, "text/plain", "aud is required");
                    return;
                }
                String jwt = mint(query.getOrDefault("sub", gitlabSub), aud,
                        Long.parseLong(query.getOrDefault("lifetime", "300")),
                        Long.parseLong(query.getOrDefault("iatOffset", "0")), "rogue".equals(query.get("key")));
                send(exchange, 200, "text/plain", jwt);
            } else if (path.equals("/github-oidc")) {
                githubRequests.incrementAndGet();
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                if (authorization == null || !MessageDigest.isEqual(("Bearer " + requestToken).getBytes(
                        StandardCharsets.UTF_8), authorization.getBytes(StandardCharsets.UTF_8))) {
                    send(exchange, 401, "application/json", "{\"message\":\"Bad credentials\"}");
                    return;
                }
                String jwt = mint(githubSub, query.getOrDefault("audience", "https://github.com/acme"), 300, 0, false);
                send(exchange, 200, "application/json", "{\"count\":1,\"value\":\"" + jwt + "\"}");
            } else if (path.equals("/minted")) {
                synchronized (minted) {
                    send(exchange, 200, "text/plain", String.join("\n", minted));
                }
            } else if (path.equals("/stats")) {
                send(exchange, 200, "text/plain", "github-requests=" + githubRequests.get());
            } else {
                send(exchange, 404, "text/plain", "not found");
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain", e.toString());
        } finally {
            exchange.close();
        }
    }

    private String mint(String sub, String aud, long lifetime, long iatOffset, boolean rogue) {
        long iat = Instant.now().getEpochSecond() + iatOffset;
        byte[] jti = new byte[16];
        RANDOM.nextBytes(jti);
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + json(sub) + "\",\"aud\":\"" + json(aud)
                + "\",\"iat\":" + iat + ",\"nbf\":" + iat + ",\"exp\":" + (iat + lifetime) + ",\"jti\":\""
                + B64URL.encodeToString(jti) + "\"}";
        String signingInput = B64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        String jwt = signingInput + "." + B64URL.encodeToString(sign(signingInput, (rogue ? rogueKey : key).getPrivate()));
        synchronized (minted) {
            minted.add(jwt);
        }
        return jwt;
    }

    private static byte[] sign(String input, PrivateKey privateKey) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        return B64URL.encodeToString(java.util.Arrays.copyOfRange(bytes, start, bytes.length));
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int at = pair.indexOf('=');
                if (at > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, at), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
