package dev.cxtoken.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Shared steps of the Keycloak ITs (src/it-keycloak), called from their setup.groovy and verify.groovy. The facts about
 * the running Keycloak and CI issuer stand-in (URLs, client ids, the secrets and keys scripts/keycloak.sh made for this
 * run) come from target/keycloak/keycloak.properties, whose path the scripts get as {@code keycloakProperties}.
 */
public final class KeycloakItSupport {
    /**
     * Any JWT: three Base64url parts, the first two JSON objects. In a scanned file outside the allowed paths each is a
     * leak: an access token, a client assertion the plugin signed, or a CI job token.
     */
    static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakItSupport() {}

    public static Properties facts(String keycloakProperties) throws IOException {
        Properties facts = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(keycloakProperties))) {
            facts.load(in);
        }
        return facts;
    }

    /**
     * A job token from the CI issuer stand-in's test-only {@code /mint}, with the given claims ({@code sub}, {@code aud},
     * {@code lifetime}, {@code iatOffset}; {@code key=rogue} signs with a key it does not publish), written to
     * {@code file} below the IT's folder (so that OAUTH_CLIENT_ASSERTION_FILE can name it) and returned.
     */
    public static String mintJobToken(String keycloakProperties, File basedir, String file, Map<String, ?> claims)
            throws IOException, InterruptedException {
        Properties facts = facts(keycloakProperties);
        String query = claims.entrySet().stream()
                .map(claim -> claim.getKey() + "=" + URLEncoder.encode(String.valueOf(claim.getValue()),
                        StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> minted = HTTP.send(HttpRequest.newBuilder(
                URI.create(facts.getProperty("keycloak.ciIssuer.url") + "/mint?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        ItSupport.assertEquals(200, minted.statusCode(), "CI issuer /mint answer (" + minted.body() + ")");
        Path target = basedir.toPath().resolve(file);
        Files.createDirectories(target.getParent());
        Files.writeString(target, minted.body());
        return minted.body();
    }

    /** As {@link #mintJobToken(String, File, String, Map)}, for the realm issuer as audience and the given subject. */
    public static String mintJobTokenFor(String keycloakProperties, File basedir, String file, String subject,
            long lifetime, long iatOffset, boolean rogueKey) throws IOException, InterruptedException {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("aud", facts(keycloakProperties).getProperty("keycloak.issuer"));
        claims.put("lifetime", lifetime);
        claims.put("iatOffset", iatOffset);
        if (rogueKey) {
            claims.put("key", "rogue");
        }
        return mintJobToken(keycloakProperties, basedir, file, claims);
    }

    /** The RFC 7662 introspection answer for {@code token}, asked by the introspector client. */
    public static String introspect(String keycloakProperties, String token) throws IOException, InterruptedException {
        Properties facts = facts(keycloakProperties);
        String form = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&client_id=" + URLEncoder.encode(facts.getProperty("keycloak.introspector.clientId"), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(facts.getProperty("keycloak.introspector.secret"), StandardCharsets.UTF_8);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                URI.create(facts.getProperty("keycloak.introspectionUrl")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        ItSupport.assertEquals(200, answer.statusCode(), "introspection answer (" + answer.body() + ")");
        return answer.body();
    }

    /**
     * The tokens the IT's Surefire test saved (one a line, at {@code file} below the IT's folder), {@code expected} of
     * them, one per build, are no longer active.
     */
    public static void assertRevoked(String keycloakProperties, File basedir, String file, int expected)
            throws IOException, InterruptedException {
        Path saved = basedir.toPath().resolve(file);
        if (!Files.isRegularFile(saved)) {
            throw new AssertionError("The IT's test saved no token at " + saved);
        }
        List<String> tokens = Files.readAllLines(saved).stream().filter(line -> !line.isBlank())
                .collect(Collectors.toList());
        ItSupport.assertEquals(expected, tokens.size(), "tokens saved in " + file);
        for (String token : tokens) {
            String answer = introspect(keycloakProperties, token.trim());
            if (!Pattern.compile("\"active\"\\s*:\\s*false").matcher(answer).find()) {
                throw new AssertionError("A build's token is still active after its build: " + answer);
            }
        }
    }

    /**
     * How many client logins (token requests, granted or refused: Keycloak's CLIENT_LOGIN and CLIENT_LOGIN_ERROR
     * events) Keycloak recorded for {@code clientId} so far, asked through the admin API.
     */
    public static int clientLogins(String keycloakProperties, String clientId) throws IOException, InterruptedException {
        Properties facts = facts(keycloakProperties);
        String login = "grant_type=password&client_id=admin-cli&username="
                + form(facts.getProperty("keycloak.admin.user")) + "&password=" + form(facts.getProperty("keycloak.admin.password"));
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(facts.getProperty("keycloak.url")
                + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(login)).build(), HttpResponse.BodyHandlers.ofString());
        ItSupport.assertEquals(200, token.statusCode(), "Keycloak admin login");
        Matcher accessToken = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(token.body());
        if (!accessToken.find()) {
            throw new AssertionError("Keycloak admin login: no access_token");
        }
        HttpResponse<String> events = HTTP.send(HttpRequest.newBuilder(URI.create(facts.getProperty("keycloak.url")
                + "/admin/realms/" + facts.getProperty("keycloak.realm") + "/events?client=" + form(clientId)
                + "&type=CLIENT_LOGIN&type=CLIENT_LOGIN_ERROR&max=10000"))
                .header("Authorization", "Bearer " + accessToken.group(1)).build(), HttpResponse.BodyHandlers.ofString());
        ItSupport.assertEquals(200, events.statusCode(), "Keycloak events of " + clientId + " (" + events.body() + ")");
        Matcher type = Pattern.compile("\"type\"\\s*:\\s*\"CLIENT_LOGIN").matcher(events.body());
        int count = 0;
        while (type.find()) {
            count++;
        }
        return count;
    }

    /** How many GitHub-style token requests the CI issuer stand-in has answered since it started. */
    public static int githubRequests(String keycloakProperties) throws IOException, InterruptedException {
        String stats = get(facts(keycloakProperties).getProperty("keycloak.ciIssuer.url") + "/stats");
        Matcher count = Pattern.compile("github-requests=(\\d+)").matcher(stats);
        if (!count.find()) {
            throw new AssertionError("CI issuer /stats: " + stats);
        }
        return Integer.parseInt(count.group(1));
    }

    /** The usual verify.groovy: build.log holds each expected text, and no secret, key or token leaked anywhere. */
    public static void verifyBuilds(String keycloakProperties, File basedir, String... expectedLogTexts)
            throws IOException, InterruptedException {
        ItSupport.assertLogContains(basedir, expectedLogTexts);
        assertNoSecrets(keycloakProperties, basedir);
    }

    /** build.log holds {@code text} exactly {@code times} times (once per run, for example). */
    public static void assertLogCount(File basedir, String text, int times) throws IOException {
        String log = ItSupport.buildLog(basedir);
        int seen = 0;
        for (int at = log.indexOf(text); at >= 0; at = log.indexOf(text, at + text.length())) {
            seen++;
        }
        ItSupport.assertEquals(times, seen, "times build.log holds '" + text + "'");
    }

    /**
     * Scans build.log (without Maven's own value dumps, as {@link ItSupport#assertNoSecrets}) and every file below the
     * IT's folder for: each secret of this run (client secrets raw, form-encoded and as Basic header values, the key
     * passphrase, the GitHub request token), each private key (any line of its PEM body), each JWT (access tokens,
     * client assertions, CI job tokens) and each token the CI issuer stand-in minted. Paths in {@code allowed} (relative,
     * with '/'; a trailing '/' allows a folder) may hold tokens because the IT put them there.
     *
     * @return the number of files scanned
     */
    public static int assertNoSecrets(String keycloakProperties, File basedir, String... allowed)
            throws IOException, InterruptedException {
        Properties facts = facts(keycloakProperties);
        Map<String, String> needles = new LinkedHashMap<>();
        for (String[] client : new String[][] {{"keycloak.basic.clientId", "keycloak.basic.secret"},
                {"keycloak.post.clientId", "keycloak.post.secret"},
                {"keycloak.introspector.clientId", "keycloak.introspector.secret"},
                {"keycloak.wrongIssuer.clientId", "keycloak.wrongIssuer.secret"}}) {
            String id = facts.getProperty(client[0]);
            String secret = facts.getProperty(client[1]);
            needles.put(secret, "the client secret of " + id);
            needles.put(form(secret), "the form-encoded client secret of " + id);
            needles.put(base64(form(id) + ":" + form(secret)), "the Basic header value of " + id);
            needles.put(base64(id + ":" + secret), "the raw Basic header value of " + id);
        }
        needles.put(facts.getProperty("keycloak.keyPassphrase"), "the key passphrase");
        needles.put(facts.getProperty("keycloak.admin.password"), "Keycloak's admin password");
        needles.put(facts.getProperty("keycloak.github.requestToken"), "the GitHub request token");
        for (String key : new String[] {"keycloak.jwtRsa.pem", "keycloak.jwtRsa.encryptedPem", "keycloak.jwtEc.pem",
                "keycloak.rogue.pem"}) {
            List<String> lines = Files.readAllLines(Path.of(facts.getProperty(key)));
            // The body's lines but the first, which is the same for every key of a kind (the PKCS#8 header).
            for (String line : lines.subList(2, lines.size() - 1)) {
                if (line.length() >= 32) {
                    needles.put(line, "a line of the private key " + facts.getProperty(key));
                }
            }
        }
        for (String minted : get(facts.getProperty("keycloak.ciIssuer.url") + "/minted").split("\n")) {
            if (!minted.isEmpty()) {
                needles.put(minted, "a CI job token");
            }
        }
        List<String> allowedPaths = List.of(allowed);
        Path root = basedir.toPath();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).collect(Collectors.toList());
        }
        for (Path file : files) {
            String relative = root.relativize(file).toString().replace(File.separatorChar, '/');
            if (relative.equals("invoker.properties") || relative.endsWith(".groovy")) {
                continue; // the IT's own inputs
            }
            boolean tokensAllowed = allowedPaths.stream().anyMatch(path -> relative.equals(path)
                    || path.endsWith("/") && ("/" + relative).contains("/" + path));
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            if (relative.equals("build.log")) {
                content = ItSupport.withoutMavenValueDumps(content);
            }
            for (Map.Entry<String, String> needle : needles.entrySet()) {
                boolean token = needle.getValue().equals("a CI job token");
                if ((!token || !tokensAllowed) && content.contains(needle.getKey())) {
                    throw new AssertionError(needle.getValue() + " appears in " + relative
                            + ItSupport.where(content, needle.getKey()));
                }
            }
            Matcher jwt = JWT.matcher(content);
            if (!tokensAllowed && jwt.find()) {
                throw new AssertionError("A JWT (a token or a client assertion) appears in " + relative
                        + ItSupport.where(content, jwt.group()));
            }
        }
        return files.size();
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        ItSupport.assertEquals(200, answer.statusCode(), "GET " + url);
        return answer.body();
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

}
