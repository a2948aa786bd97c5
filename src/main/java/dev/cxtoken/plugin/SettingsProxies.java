package dev.cxtoken.plugin;

import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.Urls;
import dev.cxtoken.http.ProxyRoute;
import dev.cxtoken.Secret;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Picks the settings.xml proxy for the token request: the first active proxy declared for {@code https}, else the
 * first active one for {@code http} (most settings declare only that one and use it for both). Without one, the
 * fallback applies: the runner's HTTPS_PROXY, then the JVM's proxy properties.
 */
final class SettingsProxies {
    private SettingsProxies() {}

    static ProxyRoute select(Settings settings, SettingsDecrypter decrypter, BuildContext.ProxyChoice fallback)
            throws InvalidConfigurationException {
        Proxy chosen = settings == null ? null : firstActive(settings, "https");
        if (chosen == null && settings != null) {
            chosen = firstActive(settings, "http");
        }
        if (chosen == null) {
            return fallback.choose();
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
        if (!isHostName(proxy.getHost().trim())) {
            throw new InvalidConfigurationException(where + " has the <host> '" + Urls.withoutUserInfo(proxy.getHost().trim())
                    + "', which is"
                    + " not a host name. Give the proxy's host name or IP address only, without scheme, port or path.");
        }
        if (proxy.getPort() < 1 || proxy.getPort() > 65535) {
            throw new InvalidConfigurationException(where + " has the <port> " + proxy.getPort() + ", which is not a"
                    + " TCP port. Use a number from 1 to 65535, such as 3128 or 8080.");
        }
        String password = proxy.getPassword();
        return ProxyRoute.of(where, proxy.getHost().trim(), proxy.getPort(), proxy.getUsername(),
                password == null ? null : Secret.of(password), proxy.getNonProxyHosts());
    }

    /** Letters, digits, '-', '.', ':' (IPv6) and brackets: what a host can be, and nothing of a URL or a password. */
    private static boolean isHostName(String host) {
        return host.matches("[A-Za-z0-9._\\[\\]:-]{1,253}") && !host.startsWith("-");
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
