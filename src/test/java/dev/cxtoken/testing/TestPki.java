package dev.cxtoken.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away certificate authority and a server certificate it signed, made with the JDK's own {@code keytool} the
 * way an administrator would make a private CA: no test-only crypto library, nothing checked in.
 *
 * <p>The server certificate names 127.0.0.1, localhost and {@link #TEST_HOST}, a reserved name that never resolves,
 * which tests reach through a recording proxy or their own resolver.
 */
public final class TestPki {
    /** A host name only the tests know; {@code .test} is reserved and never resolves in public DNS. */
    public static final String TEST_HOST = "token.example.test";
    /** A name the server certificate does not carry, to show that host name checks stay on. */
    public static final String OTHER_HOST = "other.example.test";
    public static final String PASSWORD = "changeit";

    private static TestPki shared;

    private final Path serverKeyStore;
    private final Path trustStore;

    private TestPki(Path serverKeyStore, Path trustStore) {
        this.serverKeyStore = serverKeyStore;
        this.trustStore = trustStore;
    }

    /** One CA per test JVM, made on first use below {@code target/}: keytool takes a few seconds in all. */
    public static synchronized TestPki shared() throws IOException {
        if (shared == null) {
            Path dir = Paths.get("target");
            Files.createDirectories(dir);
            shared = create(Files.createTempDirectory(dir.toAbsolutePath(), "test-pki-"));
        }
        return shared;
    }

    /**
     * Makes the CA, the server key pair and certificate, and a trust store holding only the CA, in {@code dir}.
     *
     * @param moreHosts further DNS names for the certificate, such as a real provider's host that a test proxy routes
     *     to a loopback server; only a trust store of this CA accepts them
     */
    public static TestPki create(Path dir, String... moreHosts) throws IOException {
        Path ca = dir.resolve("ca.p12");
        Path server = dir.resolve("server.p12");
        Path trust = dir.resolve("trust.p12");
        Path csr = dir.resolve("server.csr");
        Path serverCert = dir.resolve("server.pem");
        Path caCert = dir.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-keysize", "256", "-validity", "2",
                "-dname", "CN=cx-token test CA", "-ext", "bc:c", "-keystore", ca.toString());
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-file", caCert.toString());
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-keysize", "256", "-validity", "2",
                "-dname", "CN=localhost", "-keystore", server.toString());
        keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-file", csr.toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-infile", csr.toString(),
                "-outfile", serverCert.toString(), "-validity", "2",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost,dns:" + TEST_HOST
                        + (moreHosts.length == 0 ? "" : ",dns:" + String.join(",dns:", moreHosts)),
                "-ext", "KU=digitalSignature", "-ext", "EKU=serverAuth");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", server.toString(), "-file", caCert.toString());
        keytool("-importcert", "-alias", "server", "-keystore", server.toString(), "-file", serverCert.toString());
        keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", trust.toString(), "-file", caCert.toString());
        return new TestPki(server, trust);
    }

    /** A PKCS12 trust store with the test CA only, password {@link #PASSWORD}. */
    public Path trustStore() {
        return trustStore;
    }

    /** What the TLS server presents: the server key and its chain up to the test CA. */
    public SSLContext serverContext() throws IOException {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(serverKeyStore), PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** A client context that trusts the test CA, and nothing else. */
    public SSLContext clientContext() throws IOException {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(Arrays.asList(args));
        command.addAll(Arrays.asList("-storetype", "PKCS12", "-storepass", PASSWORD));
        ChildJvm.Result result = ChildJvm.runProcess(command, "keytool " + args[0]);
        if (result.exitCode != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + result.output);
        }
    }
}
