package dev.cxtoken.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The token endpoint URL and, where the provider has one, the API base URL that goes with it. Only HTTPS is accepted,
 * except plain HTTP to a loopback address, which never leaves the machine.
 */
public final class TokenEndpoint {
    /** The user:password@ part of a URL, with or without a scheme before it. */
    private static final Pattern USER_INFO = Pattern.compile("^((?:[A-Za-z][A-Za-z0-9+.-]*:)?//)?[^/?#@]*@");

    private final URI tokenUri;
    private final String apiBaseUrl;

    private TokenEndpoint(URI tokenUri, String apiBaseUrl) {
        this.tokenUri = tokenUri;
        this.apiBaseUrl = apiBaseUrl;
    }

    public URI tokenUri() {
        return tokenUri;
    }

    /** The API base URL to publish, or null when the provider has none. */
    public String apiBaseUrl() {
        return apiBaseUrl;
    }

    /** Host and, if not the default, port: what log lines show of the endpoint. */
    public String hostForDisplay() {
        return tokenUri.getPort() == -1 ? tokenUri.getHost() : tokenUri.getHost() + ":" + tokenUri.getPort();
    }

    static TokenEndpoint resolve(Provider provider, String environment, String tokenUrl)
            throws InvalidConfigurationException {
        boolean explicit = tokenUrl != null && !tokenUrl.trim().isEmpty();
        if (provider == Provider.OAUTH2) {
            if (!explicit) {
                throw new InvalidConfigurationException("Provider 'oauth2' needs the token endpoint: set tokenUrl"
                        + " (property cxtoken.tokenUrl) to the server's token URL, for example"
                        + " https://auth.example.com/oauth2/token.");
            }
            return new TokenEndpoint(parseTokenUrl(tokenUrl), null);
        }
        if (!explicit) {
            String domain = GenesysRegions.resolveDomain(environment);
            return new TokenEndpoint(URI.create("https://login." + domain + "/oauth/token"), "https://api." + domain);
        }
        URI uri = parseTokenUrl(tokenUrl);
        return new TokenEndpoint(uri, genesysApiBaseFor(uri));
    }

    /**
     * The official SDKs pair {@code login.<domain>} with {@code api.<domain>}; any other explicit endpoint (a gateway,
     * a stand-in server) is taken to serve the API at its own origin.
     */
    private static String genesysApiBaseFor(URI tokenUri) {
        String host = tokenUri.getHost();
        String apiHost = host.toLowerCase(Locale.ROOT).startsWith("login.") ? "api." + host.substring(6) : host;
        String port = tokenUri.getPort() == -1 ? "" : ":" + tokenUri.getPort();
        String bracketed = apiHost.contains(":") && !apiHost.startsWith("[") ? "[" + apiHost + "]" : apiHost;
        return tokenUri.getScheme().toLowerCase(Locale.ROOT) + "://" + bracketed + port;
    }

    static URI parseTokenUrl(String tokenUrl) throws InvalidConfigurationException {
        String value = tokenUrl.trim();
        // Messages repeat the URL, but never a password written into it.
        String shown = USER_INFO.matcher(value).replaceFirst("$1****@");
        String where = " (parameter tokenUrl, property cxtoken.tokenUrl)";
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidConfigurationException("tokenUrl '" + shown + "' is not a valid URL" + where + ": "
                    + e.getReason() + ". Expected an absolute https:// URL such as https://auth.example.com/oauth/token.");
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new InvalidConfigurationException("tokenUrl '" + shown + "' is not an absolute URL with a host" + where
                    + ". Expected an absolute https:// URL such as https://auth.example.com/oauth/token.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidConfigurationException("tokenUrl must not contain user information (user:password@)"
                    + where + ". Put the client id and secret in settings.xml or environment variables.");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidConfigurationException("tokenUrl '" + shown + "' must not contain a fragment (#...)" + where
                    + ". Remove the '#' and what follows it.");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http")) {
            if (!isLoopback(uri.getHost())) {
                throw new InvalidConfigurationException("tokenUrl '" + shown + "' uses plain http to a host that is"
                        + " not loopback" + where + ". Credentials are only sent over https://; plain http:// is"
                        + " allowed for localhost, 127.0.0.0/8 and [::1] only.");
            }
        } else if (!scheme.equals("https")) {
            throw new InvalidConfigurationException("tokenUrl '" + shown + "' uses the scheme '" + uri.getScheme()
                    + "'" + where + ". Use https://.");
        }
        return uri;
    }

    /** Decides by the literal host only: a name is never resolved, so DNS cannot turn a remote host into "loopback". */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        String[] octets = h.split("\\.", -1);
        if (octets.length != 4 || !octets[0].equals("127")) {
            return false;
        }
        for (String octet : octets) {
            if (!octet.matches("[0-9]{1,3}") || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
