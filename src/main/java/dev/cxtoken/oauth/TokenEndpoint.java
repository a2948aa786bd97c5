package dev.cxtoken.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The token endpoint URL and, where the provider has one, the API base URL that goes with it. For NICE CXone the
 * endpoint may still have to be discovered from the issuer's OpenID configuration. Only HTTPS is accepted, except
 * plain HTTP to a loopback address, which never leaves the machine.
 */
public final class TokenEndpoint {
    /** The Genesys Cloud org domain used when environment is not set. */
    static final String DEFAULT_GENESYS_ENVIRONMENT = "mypurecloud.com";
    /** NICE's global CXone issuer, used when environment does not name another one. */
    static final String DEFAULT_CXONE_ISSUER = "cxone.niceincontact.com";
    /** The user:password@ part of a URL, with or without a scheme before it. */
    private static final Pattern USER_INFO = Pattern.compile("^((?:[A-Za-z][A-Za-z0-9+.-]*:)?//)?[^/?#@]*@");

    private final URI tokenUri;
    private final URI issuer;
    private final boolean explicit;
    private final String apiBaseUrl;

    private TokenEndpoint(URI tokenUri, URI issuer, boolean explicit, String apiBaseUrl) {
        this.tokenUri = tokenUri;
        this.issuer = issuer;
        this.explicit = explicit;
        this.apiBaseUrl = apiBaseUrl;
    }

    /** The token endpoint, or null while it still has to be discovered (see {@link #needsDiscovery()}). */
    public URI tokenUri() {
        return tokenUri;
    }

    /** The OpenID issuer the endpoint belongs to (CXone), or null. */
    public URI issuer() {
        return issuer;
    }

    /** True when the token endpoint comes from the issuer's discovery document and has not been read yet. */
    public boolean needsDiscovery() {
        return tokenUri == null;
    }

    /** This endpoint with the token URL read from the issuer's discovery document. */
    TokenEndpoint discovered(URI discoveredTokenUri) {
        return new TokenEndpoint(discoveredTokenUri, issuer, false, apiBaseUrl);
    }

    /** The API base URL to publish, or null when the provider has none (or, for CXone, it comes later). */
    public String apiBaseUrl() {
        return apiBaseUrl;
    }

    /** Host and, if not the default, port: what log lines show of the endpoint. */
    public String hostForDisplay() {
        return hostForDisplay(tokenUri != null ? tokenUri : issuer);
    }

    static String hostForDisplay(URI uri) {
        return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    /**
     * What identifies this endpoint before anything is discovered: the configured token URL, or the issuer whose
     * discovery document names it. Cache keys use this, so a cached token is found without a discovery request.
     */
    String identity() {
        return explicit || issuer == null ? tokenUri.toString() : "issuer " + issuer;
    }

    static TokenEndpoint resolve(Provider provider, String environment, String tokenUrl)
            throws InvalidConfigurationException {
        boolean explicit = tokenUrl != null && !tokenUrl.trim().isEmpty();
        switch (provider) {
            case OAUTH2:
                if (!explicit) {
                    throw new InvalidConfigurationException("Provider 'oauth2' needs the token endpoint: set tokenUrl"
                            + " (property cxtoken.tokenUrl) to the server's token URL, for example"
                            + " https://auth.example.com/oauth2/token.");
                }
                return new TokenEndpoint(parseTokenUrl(tokenUrl), null, true, null);
            case CXONE:
                return new TokenEndpoint(explicit ? parseTokenUrl(tokenUrl) : null, parseCxoneIssuer(environment),
                        explicit, null);
            case GENESYS:
            default:
                if (!explicit) {
                    String domain = GenesysRegions.resolveDomain(environment == null
                            || environment.trim().isEmpty() ? DEFAULT_GENESYS_ENVIRONMENT : environment);
                    return new TokenEndpoint(URI.create("https://login." + domain + "/oauth/token"), null, true,
                            "https://api." + domain);
                }
                URI uri = parseTokenUrl(tokenUrl);
                return new TokenEndpoint(uri, null, true, genesysApiBaseFor(uri));
        }
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
        return checkedUrl(tokenUrl.trim(), "tokenUrl", " (parameter tokenUrl, property cxtoken.tokenUrl)",
                "https://auth.example.com/oauth/token");
    }

    /**
     * The CXone issuer: a host name such as {@code cxone.niceincontact.com}, or a full {@code https://} URL. Blank
     * means NICE's global issuer. A trailing slash is dropped, so {@code <issuer>/.well-known/...} is well formed.
     */
    static URI parseCxoneIssuer(String environment) throws InvalidConfigurationException {
        String value = environment == null || environment.trim().isEmpty()
                ? DEFAULT_CXONE_ISSUER : environment.trim();
        String url = withoutTrailingSlashes(value.contains("://") ? value : "https://" + value);
        URI issuer = checkedUrl(url, "CXone issuer",
                " (parameter environment, property cxtoken.environment, which names the CXone issuer)",
                "cxone.niceincontact.com or https://cxone.niceincontact.com");
        if (issuer.getRawQuery() != null) {
            throw new InvalidConfigurationException("CXone issuer '" + value + "' must not contain a query (?...)"
                    + " (parameter environment, property cxtoken.environment). Give the issuer only, such as"
                    + " cxone.niceincontact.com; the plugin appends /.well-known/openid-configuration itself.");
        }
        return issuer;
    }

    /** A base URL to which a path can be appended: trimmed, without trailing slashes. */
    static String withoutTrailingSlashes(String url) {
        String result = url.trim();
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    /**
     * Checks a URL the plugin is about to send something to: absolute, no user information or fragment, and
     * {@code https://}, or {@code http://} to a loopback host.
     *
     * @param what what the URL is, to start the message ("tokenUrl")
     * @param where where it came from, in parentheses with a leading space
     * @param example an example of a good value
     */
    static URI checkedUrl(String value, String what, String where, String example)
            throws InvalidConfigurationException {
        // Messages repeat the URL, but never a password written into it.
        String shown = USER_INFO.matcher(value).replaceFirst("$1****@");
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidConfigurationException(what + " '" + shown + "' is not a valid URL" + where + ": "
                    + e.getReason() + ". Expected an absolute https:// URL such as " + example + ".");
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new InvalidConfigurationException(what + " '" + shown + "' is not an absolute URL with a host"
                    + where + ". Expected an absolute https:// URL such as " + example + ".");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidConfigurationException(what + " must not contain user information (user:password@)"
                    + where + ". Put the client id and secret in settings.xml or environment variables.");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidConfigurationException(what + " '" + shown + "' must not contain a fragment (#...)"
                    + where + ". Remove the '#' and what follows it.");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http")) {
            if (!isLoopback(uri.getHost())) {
                throw new InvalidConfigurationException(what + " '" + shown + "' uses plain http to a host that is"
                        + " not loopback" + where + ". Credentials and tokens are only sent over https://; plain"
                        + " http:// is allowed for localhost, 127.0.0.0/8 and [::1] only.");
            }
        } else if (!scheme.equals("https")) {
            throw new InvalidConfigurationException(what + " '" + shown + "' uses the scheme '" + uri.getScheme()
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
