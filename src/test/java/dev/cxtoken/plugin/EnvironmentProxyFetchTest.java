package dev.cxtoken.plugin;

import static dev.cxtoken.testing.ScriptedHttpServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.testing.RecordingProxy;
import dev.cxtoken.testing.ScriptedHttpServer;
import dev.cxtoken.testing.TestBuild;
import dev.cxtoken.testing.TestDns;
import dev.cxtoken.testing.TestParameters;
import dev.cxtoken.testing.TestPki;
import dev.cxtoken.testing.TlsFront;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A build whose only proxy configuration is the runner's HTTPS_PROXY and NO_PROXY, through the goal's own wiring and a
 * real recording proxy. The endpoint's name resolves nowhere but in the proxy, so a token that arrives came through it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EnvironmentProxyFetchTest {
    private static final String USER = "ci-user";
    private static final String PASSWORD = "Pr0xy:p@ss";
    private static final String TOKEN_URL = "https://" + TestPki.TEST_HOST + "/oauth2/token";

    private static TestBuild build(RecordingProxy proxy, String noProxy, TestDns dns) throws Exception {
        TestBuild build = TestBuild.withClient("oauth2", TestBuild.SECRET).trust(TestPki.shared().clientContext(), dns);
        build.environment.put("HTTPS_PROXY", "http://" + USER + ":Pr0xy%3Ap%40ss@127.0.0.1:" + proxy.port());
        if (noProxy != null) {
            build.environment.put("NO_PROXY", noProxy);
        }
        build.proxyChoice = () -> SettingsProxies.select(new Settings(), null,
                () -> EnvironmentProxies.orJvmDefault(build.environment::get));
        return build;
    }

    @Test
    void theTokenComesThroughTheProxyTheVariableNamesWithItsCredentials() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("tok-env-proxy", 3600));
                TlsFront front = new TlsFront(TestPki.shared().serverContext(), server.port());
                RecordingProxy proxy = new RecordingProxy(USER, PASSWORD).route(TestPki.TEST_HOST, 443, front.port())) {
            TestBuild build = build(proxy, "localhost,.internal.corp", new TestDns());
            assertEquals("tok-env-proxy", build.run(TestParameters.oauth2(TOKEN_URL).with("revoke", "false"))
                    .outcome().token().value().reveal());
            assertEquals(2, proxy.exchanges().size(), "a 407 challenge, then the tunnel: " + proxy.exchanges());
            assertEquals("Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8)), proxy.exchanges().get(1).request.header("proxy-authorization"));
            String log = build.log.all();
            assertTrue(log.contains("Token requests go through proxy 127.0.0.1:" + proxy.port() + " as ci-user"), log);
            assertFalse(log.contains("p@ss") || log.contains("p%40ss"), log);
        }
    }

    @Test
    void aHostInNoProxyGoesDirect() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("tok-direct", 3600));
                TlsFront front = new TlsFront(TestPki.shared().serverContext(), server.port());
                RecordingProxy proxy = new RecordingProxy(USER, PASSWORD)) {
            TestBuild build = build(proxy, "*.example.test", new TestDns(TestPki.TEST_HOST));
            String direct = "https://" + TestPki.TEST_HOST + ":" + front.port() + "/oauth2/token";
            assertEquals("tok-direct", build.run(TestParameters.oauth2(direct).with("revoke", "false"))
                    .outcome().token().value().reveal());
            assertTrue(proxy.exchanges().isEmpty(), proxy.exchanges().toString());
        }
    }

    @Test
    void aProxyRefusingTheCredentialsSaysToFixTheVariableAndNeverShowsThePassword() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("never", 3600));
                TlsFront front = new TlsFront(TestPki.shared().serverContext(), server.port());
                RecordingProxy proxy = new RecordingProxy(USER, "another-password")
                        .route(TestPki.TEST_HOST, 443, front.port())) {
            TestBuild build = build(proxy, null, new TestDns());
            String message = assertThrows(CxTokenException.class,
                    () -> build.run(TestParameters.oauth2(TOKEN_URL).with("maxAttempts", "1"))).getMessage();
            assertTrue(message.contains("(environment variable HTTPS_PROXY) answered HTTP 407"), message);
            assertTrue(message.contains("did not accept the username and password given in the URL of environment"
                    + " variable HTTPS_PROXY"), message);
            assertFalse(message.contains("p@ss") || message.contains("p%40ss"), message);
        }
    }
}
