package dev.cxtoken.http;

import static dev.cxtoken.testing.ScriptedHttpServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.TokenEndpointException;
import dev.cxtoken.oauth.AccessToken;
import dev.cxtoken.testing.TestBuild;
import dev.cxtoken.plugin.Parameters;
import dev.cxtoken.testing.RecordingLog;
import dev.cxtoken.testing.TestParameters;
import dev.cxtoken.testing.ChildJvm;
import dev.cxtoken.testing.ScriptedHttpServer;
import dev.cxtoken.testing.TestDns;
import dev.cxtoken.testing.TestPki;
import dev.cxtoken.testing.TlsFront;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * HTTPS to a loopback endpoint whose certificate comes from a private CA made at test time: the JVM's own trust store
 * refuses it with advice on adding the CA, a trust store holding the CA accepts it, and host names are always checked.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TlsTrustTest {
    private static TestPki pki;

    private final RecordingLog log = new RecordingLog();
    private ScriptedHttpServer server;
    private TlsFront front;

    @BeforeAll
    static void makeCertificates() throws Exception {
        pki = TestPki.shared();
    }

    @BeforeEach
    void startServer() throws Exception {
        server = new ScriptedHttpServer(token("tok-over-tls", 3600));
        front = new TlsFront(pki.serverContext(), server.port());
    }

    @AfterEach
    void stopServer() throws Exception {
        front.close();
        server.close();
    }

    private String url(String host) {
        return "https://" + host + ":" + front.port() + "/oauth2/token";
    }

    @Test
    void certificateTheJvmDoesNotTrustFailsOnceWithAdviceOnAddingTheCa() throws Exception {
        Parameters config = TestParameters.oauth2(url("127.0.0.1"));
        // The goal's own client: the JVM's default trust store, which knows nothing of the test CA.
        TokenEndpointException e = assertThrows(TokenEndpointException.class,
                () -> TestBuild.withClient("oauth2", TestBuild.SECRET).token(config));
        String message = e.getMessage();
        assertTrue(message.contains("does not trust the certificate of 127.0.0.1"), message);
        assertTrue(message.contains("-Djavax.net.ssl.trustStore="), message);
        assertTrue(message.contains("cacerts") && message.contains("keytool"), message);
        assertTrue(message.contains("cannot be switched off"), message);
        assertFalse(message.contains(TestBuild.SECRET), message);
        assertEquals(0, log.warnings(), "a certificate problem is not retried: " + log.lines);
        assertEquals(1, front.failedHandshakes(1));
        assertEquals(0, front.handshakes());
        assertTrue(server.requests().isEmpty(), "nothing may be sent over an untrusted connection");
    }

    @Test
    void trustStoreHoldingTheCaMakesTheSameFetchSucceed() throws Exception {
        Parameters config = TestParameters.oauth2(url("127.0.0.1"));
        AccessToken token = TestClients.fetch(config, log, ProxyRoute.jvmDefault(), pki.clientContext(),
                new TestDns());
        assertEquals("tok-over-tls", token.value().reveal());
        assertEquals(1, server.requests().size());
        assertTrue(server.requests().get(0).header("authorization").startsWith("Basic "));
    }

    @Test
    void trustedCaDoesNotExcuseAHostNameTheCertificateDoesNotName() throws Exception {
        Parameters config = TestParameters.oauth2(url(TestPki.OTHER_HOST));
        TokenEndpointException e = assertThrows(TokenEndpointException.class,
                () -> TestClients.fetch(config, log, ProxyRoute.jvmDefault(), pki.clientContext(),
                        new TestDns(TestPki.OTHER_HOST)));
        String message = e.getMessage();
        assertTrue(message.contains("is not issued for " + TestPki.OTHER_HOST), message);
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void defaultClientHonoursTheTrustStoreSystemPropertyInAFreshJvm() throws Exception {
        List<String> trustStore = List.of("-Djavax.net.ssl.trustStore=" + pki.trustStore(),
                "-Djavax.net.ssl.trustStorePassword=" + TestPki.PASSWORD, "-Djavax.net.ssl.trustStoreType=PKCS12");
        ChildJvm.Result without = ChildJvm.run(DefaultTransportFetch.class, List.of(), url("127.0.0.1"));
        assertEquals(1, without.exitCode, without.toString());
        assertTrue(without.output.contains("does not trust the certificate of 127.0.0.1"), without.output);

        ChildJvm.Result with = ChildJvm.run(DefaultTransportFetch.class, trustStore, url("127.0.0.1"));
        assertEquals(0, with.exitCode, with.toString());
        assertTrue(with.output.contains("FETCHED"), with.output);
        assertEquals(1, server.requests().size());
    }
}
