package dev.cxtoken.http;

import java.net.ProxySelector;
import dev.cxtoken.Secret;
import dev.cxtoken.Urls;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultProxyRoutePlanner;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * How token requests reach the network: through the settings.xml proxy, through the JVM's proxy properties
 * ({@code https.proxyHost}), or directly. Configured per client, so no JVM-wide state is touched.
 *
 * <p>Loopback targets always go direct, whatever the proxy settings say: a proxy would reach its own loopback, not
 * ours, and plain {@code http://}, which only loopback may use, must never carry credentials through a proxy.
 */
public final class ProxyRoute {
    private final HttpHost proxy;
    private final String username;
    private final Secret password;
    private final Predicate<String> bypass;
    private final ProxySelector jvmSelector;
    private final String source;
    /** Whether the proxy came from HTTPS_PROXY, where credentials and exceptions are written differently. */
    private final boolean fromEnvironment;

    private ProxyRoute(HttpHost proxy, String username, Secret password, Predicate<String> bypass,
            ProxySelector jvmSelector, String source) {
        this.source = source;
        this.fromEnvironment = source.startsWith("environment variable");
        this.proxy = proxy;
        this.username = username;
        this.password = password;
        this.bypass = bypass;
        this.jvmSelector = jvmSelector;
    }

    /**
     * The JVM's default proxy selector: {@code https.proxyHost}/{@code https.proxyPort} for the https token endpoint,
     * {@code http.nonProxyHosts} for exceptions, {@code java.net.useSystemProxies}, or none.
     */
    public static ProxyRoute jvmDefault() {
        return jvmDefault(ProxySelector.getDefault());
    }

    /** Like {@link #jvmDefault()} with another selector, so tests need not set JVM-wide proxy properties. */
    static ProxyRoute jvmDefault(ProxySelector selector) {
        return new ProxyRoute(null, null, null, host -> false, selector,
                "JVM proxy settings such as https.proxyHost");
    }

    /**
     * An explicitly configured proxy, reached over plain HTTP; https targets go through a CONNECT tunnel.
     *
     * @param source where the proxy was configured, for messages, such as "settings.xml proxy 'corp'"
     * @param nonProxyHosts Maven's syntax: host patterns separated by '|' or ',', with '*' wildcards
     */
    public static ProxyRoute of(String source, String host, int port, String username, Secret password,
            String nonProxyHosts) {
        Objects.requireNonNull(host, "host");
        List<Pattern> patterns = new ArrayList<>();
        if (nonProxyHosts != null) {
            for (String entry : nonProxyHosts.split("[|,]")) {
                String trimmed = entry.trim().toLowerCase(Locale.ROOT);
                if (!trimmed.isEmpty()) {
                    patterns.add(Pattern.compile(Pattern.quote(trimmed).replace("*", "\\E.*\\Q")));
                }
            }
        }
        return new ProxyRoute(new HttpHost("http", host, port), username, password,
                target -> patterns.stream().anyMatch(pattern -> pattern.matcher(target).matches()), null, source);
    }

    /**
     * A proxy from the environment variables that CI runners set ({@code HTTPS_PROXY}), reached over plain HTTP.
     *
     * @param noProxy the {@code NO_PROXY} list, in curl's syntax (see {@link NoProxy}), or null
     */
    public static ProxyRoute fromEnvironment(String source, String host, int port, String username, Secret password,
            String noProxy) {
        Objects.requireNonNull(host, "host");
        return new ProxyRoute(new HttpHost("http", host, port), username, password, NoProxy.parse(noProxy), null,
                source);
    }

    /** For log lines: where requests go, without credentials. */
    public String describe() {
        if (proxy == null) {
            return "the JVM's proxy settings";
        }
        return "proxy " + proxy.getHostName() + ":" + proxy.getPort()
                + (username == null || username.isEmpty() ? "" : " as " + username);
    }

    /** Where the proxy was configured, for messages. */
    String source() {
        return source;
    }

    /** How to let a host bypass this proxy, for messages. */
    String exemptionAdvice() {
        return fromEnvironment ? "add the host to NO_PROXY" : "list the host in the proxy's nonProxyHosts";
    }

    /** The proxy password in the forms a proxy's error page could echo it, for the exchange's redactor. */
    List<String> secretForms() {
        if (password == null) {
            return Collections.emptyList();
        }
        List<String> forms = new ArrayList<>();
        forms.add(password.reveal());
        if (username != null) {
            forms.add(java.util.Base64.getEncoder().encodeToString((username + ":" + password.reveal())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return forms;
    }

    /** Whether {@code text}, such as a resolver's message, names this route's configured proxy host. */
    boolean isProxyHostIn(String text) {
        return proxy != null && text.toLowerCase(Locale.ROOT).contains(proxy.getHostName().toLowerCase(Locale.ROOT));
    }

    /** The configured proxy's host, or "" for the JVM's proxy settings. */
    String hostName() {
        return proxy == null ? "" : proxy.getHostName();
    }

    /** What to change when the proxy answers 407. */
    String authenticationAdvice() {
        if (proxy == null) {
            return "The JVM's proxy properties carry no credentials: declare the proxy in settings.xml <proxies>"
                    + " with <username> and <password> instead.";
        }
        if (fromEnvironment) {
            return "The proxy " + (username == null || username.isEmpty() ? "needs credentials: give them" : "did not"
                    + " accept the username and password given") + " in the URL of " + source + ", as"
                    + " http://user:password@host:port, with special characters percent-encoded; or declare the"
                    + " proxy in settings.xml <proxies>, which wins over the variable.";
        }
        if (username == null || username.isEmpty() || password == null) {
            return "The proxy needs credentials: add <username> and <password> to " + source + ".";
        }
        return "The proxy did not accept the username and password of " + source + ". Check both; an encrypted"
                + " password is decrypted with the master password in ~/.m2/settings-security.xml.";
    }

    /** Where requests go, without the password. */
    @Override
    public String toString() {
        return "ProxyRoute{" + describe() + "}";
    }

    /** Whether a request to {@code targetHost} goes direct: loopback always, and every nonProxyHosts match. */
    boolean bypasses(String targetHost) {
        String host = targetHost.toLowerCase(Locale.ROOT);
        if (Urls.isLoopback(host)) {
            return true;
        }
        return bypass.test(host);
    }

    /** The context attribute where the route planner leaves the proxy it chose, for messages about that proxy. */
    static final String CHOSEN_PROXY = "dev.cxtoken.chosen-proxy";

    HttpClientBuilder configure(HttpClientBuilder builder) {
        if (proxy == null) {
            return builder.setRoutePlanner(new SystemDefaultRoutePlanner(jvmSelector) {
                @Override
                protected HttpHost determineProxy(HttpHost target, HttpContext context) throws HttpException {
                    return chosen(bypasses(target.getHostName()) ? null : super.determineProxy(target, context),
                            context);
                }
            });
        }
        builder.setRoutePlanner(new DefaultProxyRoutePlanner(proxy) {
            @Override
            protected HttpHost determineProxy(HttpHost target, HttpContext context) {
                return chosen(bypasses(target.getHostName()) ? null : proxy, context);
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

    private static HttpHost chosen(HttpHost proxyHost, HttpContext context) {
        context.setAttribute(CHOSEN_PROXY, proxyHost);
        return proxyHost;
    }
}
