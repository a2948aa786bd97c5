package dev.cxtoken.testing;

import dev.cxtoken.standin.StandInTokenServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Steps of the invoker ITs for what the goal hands the rest of a pipeline (the token file, GitHub Actions masking) and
 * for its network path (a corporate proxy with its own CA). Used with {@link ItSupport}, which starts the stand-in
 * token server.
 */
public final class PipelineItSupport {
    public static final String PROXY_USER = "it-proxy-user";
    /** The proxy password; settings.xml holds it encrypted under the master password every IT uses. */
    public static final String PROXY_PASSWORD = "it-Pr0xy:pw=";
    private static final String MASK_COMMAND = "::add-mask::";

    private PipelineItSupport() {}

    /**
     * Puts the stand-in server behind TLS with a certificate from a private CA and behind an authenticating proxy that
     * alone can resolve {@link TestPki#TEST_HOST}. The IT build gets, in its own {@code .mvn} folder, a jvm.config
     * that trusts the CA and a maven.config naming a global settings file with the proxy, its password encrypted.
     */
    @SuppressWarnings("unchecked")
    public static RecordingProxy startProxy(Map<String, Object> context, File basedir) throws IOException {
        RecordingProxy proxy = proxyTo(context, basedir, TestPki.TEST_HOST);
        ((Map<String, String>) context.get("userProperties"))
                .put("cxtoken.tokenUrl", "https://" + TestPki.TEST_HOST + "/oauth/token");
        return proxy;
    }

    /**
     * The same, for a build that sets no tokenUrl and no environment: the proxy takes Genesys Cloud's default hosts,
     * login.mypurecloud.com and api.mypurecloud.com, to the stand-in server, so the default endpoint is reached
     * without leaving the machine.
     */
    @SuppressWarnings("unchecked")
    public static RecordingProxy startProxyForGenesysDefaults(Map<String, Object> context, File basedir)
            throws IOException {
        RecordingProxy proxy = proxyTo(context, basedir, "login.mypurecloud.com", "api.mypurecloud.com");
        ((Map<String, String>) context.get("userProperties")).remove("cxtoken.tokenUrl");
        return proxy;
    }

    /**
     * The same proxy for a build that has no proxy in any settings.xml: only the runner's variables, which the IT's
     * invoker.properties sets to {@code http://PROXY_USER:<password>@127.0.0.1:<port>}. An environment cannot be set
     * from a setup script, so the port is fixed; the message says so when it is taken.
     */
    @SuppressWarnings("unchecked")
    public static RecordingProxy startEnvironmentProxy(Map<String, Object> context, File basedir, int port)
            throws IOException {
        StandInTokenServer server = ItSupport.server(context);
        Path base = basedir.toPath().toAbsolutePath();
        TestPki pki = TestPki.create(Files.createDirectories(base.resolve("tls")));
        TlsFront front = new TlsFront(pki.serverContext(), server.port());
        RecordingProxy proxy;
        try {
            proxy = new RecordingProxy(PROXY_USER, PROXY_PASSWORD, port);
        } catch (IOException e) {
            front.close();
            throw new IOException("Cannot listen on 127.0.0.1:" + port + ", the port this IT's invoker.properties"
                    + " gives in HTTPS_PROXY; free it or change both", e);
        }
        proxy.route(TestPki.TEST_HOST, 443, front.port());
        context.put("tlsFront", front);
        context.put("proxy", proxy);
        ((Map<String, String>) context.get("userProperties"))
                .put("cxtoken.tokenUrl", "https://" + TestPki.TEST_HOST + "/oauth/token");
        Path mvn = Files.createDirectories(base.resolve(".mvn"));
        Files.writeString(mvn.resolve("jvm.config"), "-Djavax.net.ssl.trustStore=" + pki.trustStore()
                + " -Djavax.net.ssl.trustStorePassword=" + TestPki.PASSWORD
                + " -Djavax.net.ssl.trustStoreType=PKCS12\n", StandardCharsets.UTF_8);
        return proxy;
    }

    @SuppressWarnings("unchecked")
    private static RecordingProxy proxyTo(Map<String, Object> context, File basedir, String... hosts)
            throws IOException {
        StandInTokenServer server = ItSupport.server(context);
        Path base = basedir.toPath().toAbsolutePath();
        TestPki pki = TestPki.create(Files.createDirectories(base.resolve("tls")), hosts);
        TlsFront front = new TlsFront(pki.serverContext(), server.port());
        RecordingProxy proxy = new RecordingProxy(PROXY_USER, PROXY_PASSWORD);
        for (String host : hosts) {
            proxy.route(host, 443, front.port());
        }
        context.put("tlsFront", front);
        context.put("proxy", proxy);

        Map<String, String> userProperties = (Map<String, String>) context.get("userProperties");
        String encrypted = SettingsEncryption.existing(Path.of(userProperties.get("settings.security")))
                .encrypt(PROXY_PASSWORD);
        Path settings = base.resolve("proxy-settings.xml");
        Files.writeString(settings, "<settings>\n  <proxies>\n"
                + "    <proxy>\n      <id>switched-off</id>\n      <active>false</active>\n"
                + "      <protocol>https</protocol>\n      <host>127.0.0.1</host>\n      <port>9</port>\n    </proxy>\n"
                + "    <proxy>\n      <id>corp</id>\n      <active>true</active>\n      <protocol>https</protocol>\n"
                + "      <host>127.0.0.1</host>\n      <port>" + proxy.port() + "</port>\n"
                + "      <username>" + PROXY_USER + "</username>\n      <password>" + encrypted + "</password>\n"
                + "      <nonProxyHosts>localhost|*.internal.example</nonProxyHosts>\n    </proxy>\n"
                + "  </proxies>\n</settings>\n", StandardCharsets.UTF_8);
        Path mvn = Files.createDirectories(base.resolve(".mvn"));
        Files.writeString(mvn.resolve("maven.config"), "-gs\n" + settings + "\n", StandardCharsets.UTF_8);
        Files.writeString(mvn.resolve("jvm.config"), "-Djavax.net.ssl.trustStore=" + pki.trustStore()
                + " -Djavax.net.ssl.trustStorePassword=" + TestPki.PASSWORD
                + " -Djavax.net.ssl.trustStoreType=PKCS12\n", StandardCharsets.UTF_8);
        return proxy;
    }

    /** Stops the proxy and the TLS front; returns what the proxy recorded. */
    public static RecordingProxy stopProxy(Map<String, Object> context) throws IOException {
        RecordingProxy proxy = (RecordingProxy) context.get("proxy");
        proxy.close();
        ((TlsFront) context.get("tlsFront")).close();
        return proxy;
    }

    /**
     * Checks that each of {@code tunnels} connections to the token endpoint went through the proxy: a CONNECT answered
     * 407, then one with the decrypted credentials, and that neither the client secret nor any token crossed the
     * proxy in the clear. Maven's own requests through the same settings.xml proxy (Maven 3.10 asks the public
     * repositories for metadata, which this proxy does not reach) are not the plugin's and are left out.
     */
    public static void assertProxyCarriedEveryFetch(Map<String, Object> context, int tunnels) throws IOException {
        RecordingProxy proxy = stopProxy(context);
        List<RecordingProxy.Exchange> exchanges = proxy.exchanges().stream()
                .filter(exchange -> exchange.request.target.equalsIgnoreCase(TestPki.TEST_HOST + ":443"))
                .collect(Collectors.toList());
        ItSupport.assertEquals(2 * tunnels, exchanges.size(), "proxy exchanges " + exchanges);
        String expectedAuthorization = "Basic " + java.util.Base64.getEncoder()
                .encodeToString((PROXY_USER + ":" + PROXY_PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < exchanges.size(); i++) {
            RecordingProxy.Exchange exchange = exchanges.get(i);
            ItSupport.assertEquals("CONNECT " + TestPki.TEST_HOST + ":443",
                    exchange.request.method + " " + exchange.request.target, "proxy request " + i);
            boolean challenge = i % 2 == 0;
            ItSupport.assertEquals(challenge ? 407 : 200, exchange.status, "proxy answer " + i);
            if (!challenge) {
                ItSupport.assertEquals(expectedAuthorization, exchange.request.header("proxy-authorization"),
                        "Proxy-Authorization " + i);
            }
        }
        String relayed = proxy.relayedBytes();
        if (relayed.contains(ItSupport.CLIENT_SECRET)) {
            throw new AssertionError("The client secret crossed the proxy in the clear");
        }
        for (String token : ItSupport.server(context).issuedTokens()) {
            if (relayed.contains(token)) {
                throw new AssertionError("A token crossed the proxy in the clear");
            }
        }
    }

    /**
     * Checks the token file: it holds one of the issued tokens and nothing else, is owner-only on POSIX (as are the
     * directories the goal created, listed in {@code createdDirectories}), and no temporary file is left beside it.
     */
    public static void assertTokenFile(Map<String, Object> context, File basedir, String relativePath,
            String... createdDirectories) throws IOException {
        Path file = basedir.toPath().resolve(relativePath);
        String content = Files.readString(file, StandardCharsets.UTF_8);
        if (!ItSupport.server(context).issuedTokens().contains(content)) {
            throw new AssertionError(relativePath + " does not hold exactly an issued token");
        }
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            ItSupport.assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                    relativePath + " permissions");
            for (String directory : createdDirectories) {
                ItSupport.assertEquals("rwx------", PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(basedir.toPath().resolve(directory))),
                        directory + " permissions");
            }
        }
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            List<String> names = siblings.map(p -> p.getFileName().toString()).collect(Collectors.toList());
            ItSupport.assertEquals(List.of(file.getFileName().toString()), names, "files beside the token file");
        }
    }

    /**
     * The build log's mask commands and the goal's summary lines, in order: "MASK" for {@code ::add-mask::<token>} with
     * an issued token, "FETCHED" for the goal's INFO line. Any other mask command fails.
     */
    public static List<String> maskAndSummaryOrder(Map<String, Object> context, File basedir) throws IOException {
        List<String> order = new ArrayList<>();
        for (String line : ItSupport.buildLog(basedir).split("\r?\n")) {
            if (line.startsWith(MASK_COMMAND)) {
                if (!ItSupport.server(context).issuedTokens().contains(line.substring(MASK_COMMAND.length()))) {
                    throw new AssertionError("A mask command does not hold exactly an issued token");
                }
                order.add("MASK");
            } else if (line.contains(MASK_COMMAND)) {
                throw new AssertionError("A mask command does not start its line, so the runner would not see it");
            } else if (line.startsWith("[INFO] Fetched ")) {
                order.add(line.contains("; masked in the GitHub Actions log;") ? "FETCHED, MASKED" : "FETCHED");
            }
        }
        return order;
    }
}
