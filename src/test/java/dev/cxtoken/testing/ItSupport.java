package dev.cxtoken.testing;

import dev.cxtoken.standin.StandInTokenServer;
import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Shared steps of the invoker ITs, called from their setup.groovy and verify.groovy: start a stand-in token server,
 * hand its URL to the build, and check the build's log and files afterwards.
 */
public final class ItSupport {
    public static final String CLIENT_ID = "it-client";
    /** The secret every IT's credentials hold; ':' '+' and '=' check the encoding on the way. */
    public static final String CLIENT_SECRET = "it-S3cret:raw+pair=";
    /** The CXone access key of the ITs; its secret holds every character a form body must encode. */
    public static final String CXONE_ACCESS_KEY_ID = "it-access-key";
    public static final String CXONE_ACCESS_KEY_SECRET = "it-AK=s3cret&+:%";
    /** A secret of letters, digits and '_' only, as many Genesys secrets are: it looks like a variable name. */
    public static final String WORD_SECRET = "ItWordOnlyS3cret_4711abc";

    /**
     * Under -X, Surefire keeps the fork's system properties (a token the IT passed through systemPropertyVariables
     * among them) in target/surefire/ and in its event dump. The security notes (src/site/markdown/security.md) list
     * this as a known limit.
     */
    public static final String[] SUREFIRE_DEBUG_FILES = {"target/surefire/", "*-events.bin"};

    /**
     * Allows GitHub Actions mask commands ({@code ::add-mask::<token>}) in build.log when passed among the allowed
     * paths: the IT asked for them, and the runner consumes those lines instead of showing them.
     */
    public static final String GITHUB_MASK_COMMANDS = "::add-mask::";

    private ItSupport() {}

    /** Starts the server, keeps it in the context for verify.groovy, and passes its URLs as user properties. */
    @SuppressWarnings("unchecked")
    public static StandInTokenServer start(Map<String, Object> context, File basedir) throws IOException {
        StandInTokenServer server = new StandInTokenServer(0, CLIENT_ID, CLIENT_SECRET, 86399);
        context.put("standin", server);
        Map<String, String> userProperties = (Map<String, String>) context.get("userProperties");
        userProperties.put("cxtoken.tokenUrl", server.baseUrl() + "/oauth/token");
        userProperties.put("standin.baseUrl", server.baseUrl());
        useSettingsSecurity(context, basedir);
        return server;
    }

    /**
     * Points the IT build at the master password of src/it/settings.xml's encrypted server. Every IT needs it on
     * Maven 4, which decrypts all settings.xml passwords at start-up and stops when one cannot be decrypted.
     */
    @SuppressWarnings("unchecked")
    public static void useSettingsSecurity(Map<String, Object> context, File basedir) throws IOException {
        Map<String, String> userProperties = (Map<String, String>) context.get("userProperties");
        userProperties.put("settings.security", new File(basedir, "../../../src/it/settings-security.xml").getCanonicalPath());
    }

    /**
     * Copies every project in the repository's examples/ folder into the IT's folder, so that they are built as users
     * copy them, without writing into the source tree. Build output (target/) is left behind.
     */
    public static void copyExamples(File basedir) throws IOException {
        Path examples = new File(basedir, "../../../examples").getCanonicalFile().toPath();
        Path into = basedir.toPath();
        try (Stream<Path> walk = Files.walk(examples)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path relative = examples.relativize(source);
                if (relative.toString().isEmpty() || pathHasElement(relative, "target")) {
                    continue;
                }
                Path target = into.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static boolean pathHasElement(Path path, String name) {
        for (Path element : path) {
            if (element.toString().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts the server as a CXone issuer (application {@link #CLIENT_ID} / {@link #CLIENT_SECRET}, access key
     * {@link #CXONE_ACCESS_KEY_ID} / {@link #CXONE_ACCESS_KEY_SECRET}) and passes it as the build's
     * {@code cxtoken.environment}, so the plugin discovers the token endpoint.
     */
    @SuppressWarnings("unchecked")
    public static StandInTokenServer startCxone(Map<String, Object> context) throws IOException {
        StandInTokenServer server = new StandInTokenServer(0, CLIENT_ID, CLIENT_SECRET, 3600, CXONE_ACCESS_KEY_ID,
                CXONE_ACCESS_KEY_SECRET);
        context.put("standin", server);
        Map<String, String> userProperties = (Map<String, String>) context.get("userProperties");
        userProperties.put("cxtoken.environment", server.baseUrl());
        userProperties.put("standin.baseUrl", server.baseUrl());
        return server;
    }

    /**
     * Starts the server as a CXone issuer whose application may authenticate only as {@code clientAuth} says
     * ("post", "basic" or "any"), and passes it as the build's {@code cxtoken.environment}.
     */
    public static StandInTokenServer startCxone(Map<String, Object> context, String clientAuth) throws IOException {
        return startCxone(context).cxoneClientAuth(clientAuth);
    }

    /**
     * Starts the server for NICE's access-key login and passes its access-key token API as the build's
     * {@code cxtoken.tokenUrl}; the id_token it issues names the server itself, the tenant lookup's issuer.
     */
    @SuppressWarnings("unchecked")
    public static StandInTokenServer startCxoneAccessKey(Map<String, Object> context) throws IOException {
        StandInTokenServer server = new StandInTokenServer(0, CLIENT_ID, CLIENT_SECRET, 3600, CXONE_ACCESS_KEY_ID,
                CXONE_ACCESS_KEY_SECRET);
        context.put("standin", server);
        Map<String, String> userProperties = (Map<String, String>) context.get("userProperties");
        userProperties.put("cxtoken.tokenUrl", server.baseUrl() + "/authentication/v1/token/access-key");
        userProperties.put("standin.baseUrl", server.baseUrl());
        return server;
    }

    /**
     * The usual verify.groovy: stops the server, checks the number of token requests, that build.log holds each
     * expected text, and that no secret or token leaked anywhere.
     */
    public static void verifyBuilds(Map<String, Object> context, File basedir, int expectedTokenRequests,
            String... expectedLogTexts) throws IOException {
        assertEquals(expectedTokenRequests, stop(context), "token requests");
        assertLogContains(basedir, expectedLogTexts);
        assertNoSecrets(context, basedir);
    }

    public static StandInTokenServer server(Map<String, Object> context) {
        return (StandInTokenServer) context.get("standin");
    }

    /** Stops the server and returns how many token requests it received. */
    public static int stop(Map<String, Object> context) {
        StandInTokenServer server = server(context);
        server.close();
        return server.tokenRequests();
    }

    public static String buildLog(File basedir) throws IOException {
        return new String(Files.readAllBytes(new File(basedir, "build.log").toPath()), StandardCharsets.UTF_8);
    }

    public static void assertLogContains(File basedir, String... expected) throws IOException {
        String log = buildLog(basedir);
        for (String text : expected) {
            if (!log.contains(text)) {
                throw new AssertionError("build.log lacks '" + text + "'");
            }
        }
    }

    /**
     * Drops the lines in which Maven's own plugins print values at -X, which this plugin cannot control and the security
     * notes (src/site/markdown/security.md) list as a known limit: a later mojo's configuration
     * ({@code [DEBUG]   (f) name = value}), Surefire's {@code [DEBUG] Setting system property [name]=[value]} and
     * maven-resources-plugin's dump of every property, {@code env.*} included, that follows {@code properties used:}
     * (or, from maven-resources-plugin 2.x, the Maven 3.6.3 default, the one line {@code properties used {...}}), and
     * exec-maven-plugin's {@code [DEBUG] env: NAME=value} lines for the environment of the program it starts, and
     * Maven's XML dump of each mojo's configuration ({@code [DEBUG] Configuration: <…} to
     * {@code </configuration>}), which shows a value a POM put in a parameter, even a secret put there by mistake.
     * Everything else in the log is scanned.
     */
    static String withoutMavenValueDumps(String log) {
        // Line by line: under -T the dump interleaves with other modules' lines.
        boolean hasPropertyDump = log.contains("[DEBUG] properties used:");
        StringBuilder kept = new StringBuilder(log.length());
        boolean inOneLineDump = false;
        boolean inConfigurationXml = false;
        // Under -T another thread's unfinished line may run into a dump line ("... 0.2 s[DEBUG] env.X: value"): a
        // log level mark inside a line starts a line of its own.
        for (String line : LEVEL_MARK_INSIDE_A_LINE.split(log, -1)) {
            // The 2.x one-line dump goes on over several lines when an environment variable's value has line breaks;
            // it ends where the next log line starts.
            inOneLineDump = inOneLineDump && !line.startsWith("[") || line.startsWith("[DEBUG] properties used {");
            // Maven 3 starts the dump with an XML declaration, Maven 4 with the <configuration> element itself.
            if (line.startsWith("[DEBUG] Configuration: <")) {
                inConfigurationXml = true;
            } else if (line.startsWith("[")) {
                inConfigurationXml = false; // a log line of its own: the dump has ended
            }
            boolean configurationXml = inConfigurationXml;
            inConfigurationXml = inConfigurationXml && !line.equals("</configuration>");
            boolean dumped = inOneLineDump || configurationXml || MOJO_CONFIGURATION_LINE.matcher(line).find()
                    || hasPropertyDump && PROPERTY_DUMP_LINE.matcher(line).find();
            if (!dumped) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    private static final Pattern MOJO_CONFIGURATION_LINE = Pattern.compile(
            "^\\[DEBUG\\](\\s+\\([fs]\\) [\\w.]+ = | Setting system property \\[| env: )");
    private static final Pattern LEVEL_MARK_INSIDE_A_LINE =
            Pattern.compile("\n|(?<=[^\n])(?=\\[(?:DEBUG|INFO|WARNING|ERROR)\\] )");
    private static final Pattern PROPERTY_DUMP_LINE = Pattern.compile("^\\[DEBUG\\] [\\w.-]+: ");

    /** Every token the server issued was revoked (by the end of the build, or at once after an org mismatch). */
    public static void assertAllRevoked(Map<String, Object> context) {
        StandInTokenServer server = server(context);
        List<String> live = new ArrayList<>(server.issuedTokens());
        live.removeAll(server.revokedTokens());
        if (!live.isEmpty()) {
            throw new AssertionError(live.size() + " of " + server.issuedTokens().size()
                    + " issued tokens were not revoked");
        }
    }

    /**
     * The build's token files, which the IT's test named in build.log ("Token file: <path>"), are gone, and so are
     * their directories.
     */
    public static void assertTokenFilesGone(File basedir) throws IOException {
        java.util.regex.Matcher named = Pattern.compile("Token file: (\\S+)").matcher(buildLog(basedir));
        int seen = 0;
        while (named.find()) {
            seen++;
            Path file = java.nio.file.Paths.get(named.group(1));
            if (Files.exists(file) || Files.exists(file.getParent())) {
                throw new AssertionError("The build's token file " + file + " (or its directory) is still there");
            }
        }
        if (seen == 0) {
            throw new AssertionError("build.log names no token file");
        }
    }

    public static void assertEquals(Object expected, Object actual, String what) {
        if (!expected.equals(actual)) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual);
        }
    }

    /**
     * Scans build.log and every file below the IT's folder for the secrets (client secret, CXone access key secret),
     * the Basic header value, every CXone id_token and every token the server issued. Paths listed in {@code allowed} (relative, with '/'; a trailing '/' allows that folder in any module, a leading '*' any path with that ending) may
     * hold the token because the IT asked for it there.
     *
     * @return the number of files scanned
     */
    public static int assertNoSecrets(Map<String, Object> context, File basedir, String... allowed)
            throws IOException {
        List<String> needles = new ArrayList<>();
        needles.add(CLIENT_SECRET);
        needles.add(Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
        needles.add(CXONE_ACCESS_KEY_SECRET);
        needles.add(WORD_SECRET);
        needles.add(URLEncoder.encode(CXONE_ACCESS_KEY_SECRET, StandardCharsets.UTF_8));
        needles.addAll(server(context).issuedIdTokens());
        List<String> tokens = new ArrayList<>(server(context).issuedTokens());
        List<String> allowedPaths = List.of(allowed);
        Path root = basedir.toPath();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toList());
        }
        for (Path file : files) {
            String relative = root.relativize(file).toString().replace(File.separatorChar, '/');
            if (relative.equals("invoker.properties") || relative.endsWith(".groovy")) {
                continue; // the IT's own inputs name the secret to set it up
            }
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            if (relative.equals("build.log")) {
                content = withoutMavenValueDumps(content);
                if (allowedPaths.contains(GITHUB_MASK_COMMANDS)) {
                    content = Pattern.compile("^" + Pattern.quote(GITHUB_MASK_COMMANDS) + ".*$", Pattern.MULTILINE)
                            .matcher(content).replaceAll("");
                }
            }
            for (String needle : needles) {
                if (content.contains(needle)) {
                    throw new AssertionError("A secret (or its Basic or form-encoded form, or an id_token) appears in "
                            + relative + where(content, needle));
                }
            }
            if (allowedPaths.stream().noneMatch(path -> relative.equals(path)
                    || path.endsWith("/") && ("/" + relative).contains("/" + path)
                    || path.startsWith("*") && relative.endsWith(path.substring(1)))) {
                for (String token : tokens) {
                    if (content.contains(token)) {
                        throw new AssertionError("An access token appears in " + relative + where(content, token));
                    }
                }
            }
        }
        return files.size();
    }

    /** Where a leak is, so that a failure in CI can be diagnosed: its line, with the leaked value itself blanked. */
    static String where(String content, String needle) {
        int at = content.indexOf(needle);
        int start = content.lastIndexOf('\n', at) + 1;
        int end = content.indexOf('\n', at);
        String line = content.substring(start, end < 0 ? content.length() : end).replace(needle, "<LEAKED>");
        long number = content.substring(0, start).chars().filter(c -> c == '\n').count() + 1;
        return ", line " + number + " (of the scanned text): "
                + (line.length() > 400 ? line.substring(0, 400) + "..." : line);
    }
}
