package dev.cxtoken.oauth;

import java.util.Locale;

/** How the client proves its identity to the token endpoint (RFC 6749 §2.3.1). */
public enum ClientAuthentication {
    /** client_secret_basic: an {@code Authorization: Basic} header. */
    BASIC,
    /** client_secret_post: client_id and client_secret in the form body. */
    POST;

    public static ClientAuthentication parse(String value) throws InvalidConfigurationException {
        String key = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (key.equals("basic") || key.equals("client_secret_basic")) {
            return BASIC;
        }
        if (key.equals("post") || key.equals("client_secret_post")) {
            return POST;
        }
        throw new InvalidConfigurationException("Unknown clientAuth '" + (value == null ? "" : value.trim())
                + "' (parameter clientAuth, property cxtoken.clientAuth). Use 'basic' (Authorization header) or"
                + " 'post' (credentials in the form body).");
    }
}
