package dev.cxtoken.plugin;

import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.Secret;
import dev.cxtoken.Urls;
import dev.cxtoken.http.ProxyRoute;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

/**
 * The proxy that GitLab and GitHub runners behind a corporate proxy announce: {@code https_proxy} or
 * {@code HTTPS_PROXY} (the lower-case one first, as curl reads them), with credentials in the URL, and the
 * {@code no_proxy} / {@code NO_PROXY} exceptions. Read from the build's environment, so mvnd's client environment
 * counts. Used only when settings.xml declares no active proxy; loopback always goes direct.
 */
final class EnvironmentProxies {
    private EnvironmentProxies() {}

    /** The proxy the variables name, or the JVM's proxy settings when none is set. */
    static ProxyRoute orJvmDefault(Function<String, String> environment) throws InvalidConfigurationException {
        String name = set(environment, "https_proxy") ? "https_proxy" : set(environment, "HTTPS_PROXY")
                ? "HTTPS_PROXY" : null;
        if (name == null) {
            return ProxyRoute.jvmDefault();
        }
        String value = environment.apply(name).trim();
        String where = "environment variable " + name;
        String shown = "'" + Urls.withoutUserInfo(value) + "'";
        String use = " Use http://host:port, with user:password@ before the host if the proxy needs credentials, or"
                + " declare the proxy in settings.xml <proxies>, which wins over the variable.";
        URI uri;
        try {
            uri = new URI(value.contains("://") ? value : "http://" + value);
        } catch (URISyntaxException e) {
            throw new InvalidConfigurationException(where + " is " + shown + ", which is not a proxy URL." + use);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http")) {
            throw new InvalidConfigurationException(where + " is " + shown + ": the plugin reaches a proxy over"
                    + " plain http:// only (the tunnel to the token endpoint is TLS all the same), not " + scheme
                    + "://." + use);
        }
        if (uri.getHost() == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()
                && !uri.getRawPath().equals("/")) {
            throw new InvalidConfigurationException(where + " is " + shown + ", which does not name a proxy host"
                    + " (a password with '@', ':' or '/' must be percent-encoded)." + use);
        }
        String username = null;
        Secret password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            username = percentDecoded(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : Secret.of(percentDecoded(userInfo.substring(colon + 1)));
        }
        String noProxy = set(environment, "no_proxy") ? environment.apply("no_proxy") : environment.apply("NO_PROXY");
        return ProxyRoute.fromEnvironment(where, uri.getHost(), uri.getPort() == -1 ? 80 : uri.getPort(), username,
                password, noProxy);
    }

    private static boolean set(Function<String, String> environment, String name) {
        String value = environment.apply(name);
        return value != null && !value.trim().isEmpty();
    }

    /** %XX escapes as UTF-8; unlike URLDecoder, '+' stays '+', as in a URL's user information. */
    private static String percentDecoded(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }
}
