package dev.cxtoken.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.http.ProxyRoute;
import dev.cxtoken.http.ProxyRoutes;
import dev.cxtoken.testing.SettingsEncryption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS_PROXY and NO_PROXY as GitLab and GitHub runners set them. */
class EnvironmentProxiesTest {
    private static final String PASSWORD = "pr0xy:p@ss/w+rd";
    private final Map<String, String> env = new HashMap<>();

    private ProxyRoute route() throws InvalidConfigurationException {
        return EnvironmentProxies.orJvmDefault(env::get);
    }

    private String refused(String value) {
        env.put("HTTPS_PROXY", value);
        String message = assertThrows(InvalidConfigurationException.class, this::route).getMessage();
        assertFalse(message.contains("p@ss") || message.contains("w+rd") || message.contains("w%2Brd"), message);
        return message;
    }

    @Test
    void withoutTheVariablesTheJvmSettingsApply() throws Exception {
        assertEquals("ProxyRoute{the JVM's proxy settings}", route().toString());
        env.put("HTTPS_PROXY", "  ");
        assertEquals("ProxyRoute{the JVM's proxy settings}", route().toString());
    }

    @Test
    void credentialsInTheUrlArePercentDecodedAndNeverShown() throws Exception {
        env.put("HTTPS_PROXY", "http://ci%2Duser:pr0xy%3Ap%40ss%2Fw+rd@proxy.corp:3128");
        ProxyRoute route = route();
        assertEquals("ProxyRoute{proxy proxy.corp:3128 as ci-user}", route.toString());
        assertFalse(route.toString().contains("pr0xy"), route.toString());
    }

    @Test
    void theLowerCaseVariableComesFirstAsCurlReadsIt() throws Exception {
        env.put("HTTPS_PROXY", "http://upper.corp:1111");
        env.put("https_proxy", "lower.corp:2222");
        assertEquals("ProxyRoute{proxy lower.corp:2222}", route().toString(), "a URL without scheme is http://");
        env.remove("https_proxy");
        env.put("HTTPS_PROXY", "http://upper.corp");
        assertEquals("ProxyRoute{proxy upper.corp:80}", route().toString());
    }

    @Test
    void noProxyAndLoopbackGoDirect() throws Exception {
        env.put("HTTPS_PROXY", "http://proxy.corp:3128");
        env.put("NO_PROXY", ".internal.corp,10.0.0.0/8");
        ProxyRoute route = route();
        assertTrue(route.toString().contains("proxy.corp:3128"));
        env.put("no_proxy", "*");
        ProxyRoute everything = route();
        for (String host : new String[] {"auth.internal.corp", "10.9.8.7", "127.0.0.1", "localhost"}) {
            assertTrue(ProxyRoutes.bypasses(route, host), host);
        }
        assertFalse(ProxyRoutes.bypasses(route, "login.mypurecloud.com"));
        assertTrue(ProxyRoutes.bypasses(everything, "login.mypurecloud.com"), "no_proxy comes before NO_PROXY");
    }

    @Test
    void aProxyUrlThePluginCannotUseIsRefusedWithoutItsPassword() {
        String https = refused("https://ci:" + PASSWORD.replace("@", "%40").replace("/", "%2F") + "@proxy.corp:3128");
        assertTrue(https.startsWith("environment variable HTTPS_PROXY is 'https://****@proxy.corp:3128': the plugin"
                + " reaches a proxy over plain http:// only"), https);
        assertTrue(https.contains("declare the proxy in settings.xml <proxies>, which wins over the variable."), https);
        String unencoded = refused("http://ci:" + PASSWORD + "@proxy.corp:3128");
        assertTrue(unencoded.contains("must be percent-encoded"), unencoded);
        assertTrue(refused("socks5://proxy.corp:1080").contains("not socks5://"));
    }

    @Test
    void aSettingsProxyWinsOverTheVariables(@TempDir Path dir) throws Exception {
        SettingsDecrypter decrypter = SettingsEncryption.create(dir, "master-Pa55").decrypter();
        env.put("HTTPS_PROXY", "http://from-env.corp:3128");
        Proxy proxy = new Proxy();
        proxy.setId("corp");
        proxy.setActive(true);
        proxy.setProtocol("https");
        proxy.setHost("from-settings.corp");
        proxy.setPort(8080);
        Settings settings = new Settings();
        settings.addProxy(proxy);
        assertEquals("ProxyRoute{proxy from-settings.corp:8080}", SettingsProxies.select(settings,
                decrypter, () -> EnvironmentProxies.orJvmDefault(env::get)).toString());
        assertEquals("ProxyRoute{proxy from-env.corp:3128}", SettingsProxies.select(new Settings(),
                decrypter, () -> EnvironmentProxies.orJvmDefault(env::get)).toString());
    }
}
