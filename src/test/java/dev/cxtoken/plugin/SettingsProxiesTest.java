package dev.cxtoken.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.testing.TestParameters;
import dev.cxtoken.oauth.AccessToken;
import dev.cxtoken.credentials.ClientCredentials;
import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.http.ProxyRoute;
import dev.cxtoken.Secret;
import dev.cxtoken.TokenLog;
import dev.cxtoken.oauth.TokenRequest;
import dev.cxtoken.http.TestClients;
import dev.cxtoken.testing.RecordingLog;
import dev.cxtoken.testing.RecordingProxy;
import dev.cxtoken.testing.ScriptedHttpServer;
import dev.cxtoken.testing.SettingsEncryption;
import dev.cxtoken.testing.TestDns;
import dev.cxtoken.testing.TestPki;
import dev.cxtoken.testing.TlsFront;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Choosing and decrypting the settings.xml proxy with Maven's own decrypter and a real settings-security.xml. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SettingsProxiesTest {
    private static final String PROXY_PASSWORD = "pr0xy:pass=wörd";

    @TempDir
    Path dir;

    private static Proxy proxy(String id, String protocol, boolean active, int port) {
        Proxy proxy = new Proxy();
        proxy.setId(id);
        proxy.setProtocol(protocol);
        proxy.setActive(active);
        proxy.setHost("127.0.0.1");
        proxy.setPort(port);
        return proxy;
    }

    private static Settings settings(Proxy... proxies) {
        Settings settings = new Settings();
        for (Proxy proxy : proxies) {
            settings.addProxy(proxy);
        }
        return settings;
    }

    @Test
    void encryptedProxyPasswordIsDecryptedAndAnswersTheProxysChallenge() throws Exception {
        SettingsEncryption encryption = SettingsEncryption.create(dir, "master-Pa55");
        TestPki pki = TestPki.shared();
        try (ScriptedHttpServer server = new ScriptedHttpServer(ScriptedHttpServer.token("tok-settings", 3600));
                TlsFront front = new TlsFront(pki.serverContext(), server.port());
                RecordingProxy recording = new RecordingProxy("corp-user", PROXY_PASSWORD)
                        .route(TestPki.TEST_HOST, 443, front.port())) {
            Proxy proxy = proxy("corp", "https", true, recording.port());
            proxy.setUsername("corp-user");
            String encrypted = encryption.encrypt(PROXY_PASSWORD);
            assertTrue(encrypted.startsWith("{") && !encrypted.contains(PROXY_PASSWORD));
            proxy.setPassword(encrypted);

            ProxyRoute route = SettingsProxies.select(settings(proxy), encryption.decrypter(), ProxyRoute::jvmDefault);
            assertEquals("ProxyRoute{proxy 127.0.0.1:" + recording.port() + " as corp-user}", route.toString());

            AccessToken token = TestClients.fetch(TestParameters.oauth2("https://" + TestPki.TEST_HOST
                    + "/oauth2/token"), new RecordingLog(), route, pki.clientContext(), new TestDns());
            assertEquals("tok-settings", token.value().reveal());
            assertEquals(2, recording.exchanges().size(), recording.exchanges().toString());
            assertEquals(407, recording.exchanges().get(0).status);
            assertEquals(200, recording.exchanges().get(1).status, "the decrypted password was accepted");
        }
    }

    @Test
    void proxyPasswordThatCannotBeDecryptedNamesTheProxyAndTheFix() throws Exception {
        SettingsEncryption encryption = SettingsEncryption.create(dir, "master-Pa55");
        String encrypted = encryption.encrypt(PROXY_PASSWORD);
        Path other = dir.resolve("other");
        java.nio.file.Files.createDirectories(other);
        SettingsEncryption otherMaster = SettingsEncryption.create(other, "another-master");
        Proxy proxy = proxy("corp", "http", true, 3128);
        proxy.setUsername("corp-user");
        proxy.setPassword(encrypted);
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> SettingsProxies.select(settings(proxy), otherMaster.decrypter(), ProxyRoute::jvmDefault));
        assertTrue(e.getMessage().startsWith("Cannot decrypt the password of settings.xml proxy 'corp'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("settings-security.xml"), e.getMessage());
        assertFalse(e.getMessage().contains(PROXY_PASSWORD), e.getMessage());
    }

    @Test
    void httpsProxyWinsOverHttpAndInactiveProxiesAreSkipped() throws Exception {
        SettingsEncryption encryption = SettingsEncryption.create(dir, "master-Pa55");
        Settings settings = settings(proxy("plain", "http", true, 1111), proxy("off", "https", false, 2222),
                proxy("secure", "HTTPS", true, 3333));
        assertEquals("ProxyRoute{proxy 127.0.0.1:3333}",
                SettingsProxies.select(settings, encryption.decrypter(), ProxyRoute::jvmDefault).toString());
        assertEquals("ProxyRoute{proxy 127.0.0.1:1111}", SettingsProxies.select(
                settings(proxy("off", "https", false, 2222), proxy("plain", "http", true, 1111)),
                encryption.decrypter(), ProxyRoute::jvmDefault).toString());
    }

    @Test
    void withoutAnActiveProxyTheJvmSettingsApply() throws Exception {
        SettingsEncryption encryption = SettingsEncryption.create(dir, "master-Pa55");
        assertEquals("ProxyRoute{the JVM's proxy settings}", SettingsProxies.select(
                settings(proxy("off", "https", false, 2222)), encryption.decrypter(), ProxyRoute::jvmDefault).toString());
        assertEquals("ProxyRoute{the JVM's proxy settings}",
                SettingsProxies.select(null, encryption.decrypter(), ProxyRoute::jvmDefault).toString());
    }

    @Test
    void proxyWithoutHostIsRejectedWithTheFix() throws Exception {
        SettingsEncryption encryption = SettingsEncryption.create(dir, "master-Pa55");
        Proxy proxy = proxy("corp", "http", true, 3128);
        proxy.setHost(" ");
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> SettingsProxies.select(settings(proxy), encryption.decrypter(), ProxyRoute::jvmDefault));
        assertEquals("settings.xml proxy 'corp' has no <host>. Set it to the proxy's host name, or set"
                + " <active>false</active> on that proxy.", e.getMessage());
    }
}
