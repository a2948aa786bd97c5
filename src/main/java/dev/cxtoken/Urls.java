package dev.cxtoken;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules for every URL the plugin sends something to: absolute, no user information or fragment, and
 * {@code https://}, or plain {@code http://} to a loopback host, which never leaves the machine.
 */
public final class Urls {
    /**
     * Everything up to the last '@': a password may itself hold '/', '?' or '#', so stopping at the first of those
     * would print the rest of it. Masking a path's '@' too costs nothing.
     */
    private static final Pattern USER_INFO = Pattern.compile("^((?:[A-Za-z][A-Za-z0-9+.-]*:)?//)?.*@");

    private Urls() {}

    /** The value with any user:password@ part masked, for messages. */
    public static String withoutUserInfo(String value) {
        return USER_INFO.matcher(value).replaceFirst("$1****@");
    }

    /** Host and, if not the default, port: what log lines show of an endpoint. */
    public static String hostForDisplay(URI uri) {
        return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    /** A base URL to which a path can be appended: trimmed, without trailing slashes. */
    public static String withoutTrailingSlashes(String url) {
        String result = url.trim();
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    /**
     * Checks a configured URL.
     *
     * @param what what the URL is, to start the message ("tokenUrl")
     * @param where where it came from, in parentheses with a leading space
     * @param example an example of a good value
     */
    public static URI checked(String value, String what, String where, String example)
            throws InvalidConfigurationException {
        return check(value, what, where, example, true);
    }

    /**
     * Checks a URL that a server named (a discovery document, a token's issuer). Plain http is allowed only when the
     * server that named it was itself reached over plain http on loopback: a remote server must not be able to send
     * the build's token to this machine's own ports.
     *
     * @param origin the URL of the document that named {@code value}
     */
    public static URI checkedFromServer(String value, String what, URI origin, String example)
            throws InvalidConfigurationException {
        boolean originLocal = "http".equalsIgnoreCase(origin.getScheme()) && isLoopback(origin.getHost());
        return check(value, what, " (named by " + origin + ")", example, originLocal);
    }

    private static URI check(String value, String what, String where, String example, boolean loopbackHttp)
            throws InvalidConfigurationException {
        String shown = withoutUserInfo(value);
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidConfigurationException(what + " '" + shown + "' is not a valid URL" + where + ": " + e.getReason()
                    + ". Expected an absolute https:// URL such as " + example + ".");
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
            if (!loopbackHttp) {
                throw new InvalidConfigurationException(what + " '" + shown + "' uses plain http" + where
                        + ", which is allowed only for loopback URLs that the build itself configured. Credentials"
                        + " and tokens are only sent over https://.");
            }
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
    public static boolean isLoopback(String host) {
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
