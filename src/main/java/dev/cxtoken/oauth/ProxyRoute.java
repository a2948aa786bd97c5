package dev.cxtoken.oauth;

import java.net.ProxySelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultProxyRoutePlanner;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * How token requests reach the network: through the settings.xml proxy, through the JVM's proxy properties
 * ({@code https.proxyHost}), or directly. Configured per client, so no JVM-wide state is touched.
 */
public final class ProxyRoute {
    private final HttpHost proxy;
    private final String username;
    private final Secret password;
    private final List<Pattern> nonProxyHosts;
    private final boolean jvmDefault;

    private ProxyRoute(HttpHost proxy, String username, Secret password, List<Pattern> nonProxyHosts,
            boolean jvmDefault) {
        this.proxy = proxy;
        this.username = username;
        this.password = password;
        this.nonProxyHosts = nonProxyHosts;
        this.jvmDefault = jvmDefault;
    }

    /** The JVM's default proxy selector: {@code https.proxyHost}, {@code http.nonProxyHosts}, or none. */
    public static ProxyRoute jvmDefault() {
        return new ProxyRoute(null, null, null, new ArrayList<>(), true);
    }

    /**
     * A settings.xml proxy.
     *
     * @param nonProxyHosts Maven's syntax: host patterns separated by '|' or ',', with '*' wildcards
     */
    public static ProxyRoute of(String protocol, String host, int port, String username, Secret password,
            String nonProxyHosts) {
        List<Pattern> patterns = new ArrayList<>();
        if (nonProxyHosts != null) {
            for (String entry : nonProxyHosts.split("[|,]")) {
                String trimmed = entry.trim().toLowerCase(Locale.ROOT);
                if (!trimmed.isEmpty()) {
                    patterns.add(Pattern.compile(Pattern.quote(trimmed).replace("*", "\\E.*\\Q")));
                }
            }
        }
        String scheme = protocol == null || protocol.trim().isEmpty() ? "http" : protocol.trim().toLowerCase(Locale.ROOT);
        return new ProxyRoute(new HttpHost(scheme, host, port), username, password, patterns, false);
    }

    /** For log lines: where requests go, without credentials. */
    public String describe() {
        if (jvmDefault) {
            return "JVM proxy settings";
        }
        return "proxy " + proxy.getHostName() + ":" + proxy.getPort();
    }

    boolean bypasses(String targetHost) {
        String host = targetHost.toLowerCase(Locale.ROOT);
        if (TokenEndpoint.isLoopback(host)) {
            return true;
        }
        for (Pattern pattern : nonProxyHosts) {
            if (pattern.matcher(host).matches()) {
                return true;
            }
        }
        return false;
    }

    HttpClientBuilder configure(HttpClientBuilder builder) {
        if (jvmDefault) {
            return builder.setRoutePlanner(new SystemDefaultRoutePlanner(ProxySelector.getDefault()));
        }
        builder.setRoutePlanner(new DefaultProxyRoutePlanner(proxy) {
            @Override
            protected HttpHost determineProxy(HttpHost target, HttpContext context) {
                return bypasses(target.getHostName()) ? null : proxy;
            }
        });
        if (username != null && !username.isEmpty() && password != null) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(new AuthScope(proxy),
                    new UsernamePasswordCredentials(username, password.reveal().toCharArray()));
            builder.setDefaultCredentialsProvider(credentials);
        }
        return builder;
    }
}
