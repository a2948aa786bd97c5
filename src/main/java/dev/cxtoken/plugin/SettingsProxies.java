package dev.cxtoken.plugin;

import dev.cxtoken.oauth.InvalidConfigurationException;
import dev.cxtoken.oauth.ProxyRoute;
import dev.cxtoken.oauth.Secret;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Picks the settings.xml proxy for the token request: the first active proxy declared for {@code https}, else the
 * first active one for {@code http} (most settings declare only that one and use it for both). Without one, the JVM's
 * proxy properties apply.
 */
final class SettingsProxies {
    private SettingsProxies() {}

    static ProxyRoute select(Settings settings, SettingsDecrypter decrypter) throws InvalidConfigurationException {
        Proxy chosen = settings == null ? null : firstActive(settings, "https");
        if (chosen == null && settings != null) {
            chosen = firstActive(settings, "http");
        }
        if (chosen == null) {
            return ProxyRoute.jvmDefault();
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(chosen));
        SettingsDecryption.requireDecrypted(result, result.getProxy() != null,
                "settings.xml proxy '" + chosen.getId() + "'");
        Proxy proxy = result.getProxy();
        String where = "settings.xml proxy '" + chosen.getId() + "'";
        if (proxy.getHost() == null || proxy.getHost().trim().isEmpty()) {
            throw new InvalidConfigurationException(where + " has no <host>. Set it to the proxy's host name, or"
                    + " set <active>false</active> on that proxy.");
        }
        String password = proxy.getPassword();
        return ProxyRoute.of(where, proxy.getHost().trim(), proxy.getPort(), proxy.getUsername(),
                password == null ? null : Secret.of(password), proxy.getNonProxyHosts());
    }

    private static Proxy firstActive(Settings settings, String protocol) {
        for (Proxy proxy : settings.getProxies()) {
            if (proxy.isActive() && protocol.equalsIgnoreCase(proxy.getProtocol())) {
                return proxy;
            }
        }
        return null;
    }
}
