package dev.cxtoken.oauth;

import java.util.Locale;

/** The token servers the plugin knows, with the defaults and encoding rules that differ between them. */
public enum Provider {
    /** Genesys Cloud: {@code https://login.<domain>/oauth/token}, Basic auth over the raw id:secret pair. */
    GENESYS("genesys", "GENESYS_CLIENT_ID", "GENESYS_CLIENT_SECRET", false),
    /**
     * NICE CXone back ends: the token endpoint comes from the issuer's OpenID discovery document; the registered
     * application authenticates with Basic over the raw id:secret pair, as public CXone integrations send it, and an
     * access key is sent as the password grant's username and password.
     */
    CXONE("cxone", "CXONE_CLIENT_ID", "CXONE_CLIENT_SECRET", false),
    /** Any RFC 6749 server: explicit tokenUrl, client_secret_basic with form-urlencoding (RFC 6749 §2.3.1). */
    OAUTH2("oauth2", "OAUTH_CLIENT_ID", "OAUTH_CLIENT_SECRET", true);

    private final String id;
    private final String defaultClientIdEnv;
    private final String defaultClientSecretEnv;
    private final boolean formEncodesBasicCredentials;

    Provider(String id, String defaultClientIdEnv, String defaultClientSecretEnv, boolean formEncodesBasicCredentials) {
        this.id = id;
        this.defaultClientIdEnv = defaultClientIdEnv;
        this.defaultClientSecretEnv = defaultClientSecretEnv;
        this.formEncodesBasicCredentials = formEncodesBasicCredentials;
    }

    public String id() {
        return id;
    }

    /** The settings.xml server id used when serverId is not configured. */
    public String defaultServerId() {
        return id;
    }

    public String defaultClientIdEnv() {
        return defaultClientIdEnv;
    }

    public String defaultClientSecretEnv() {
        return defaultClientSecretEnv;
    }

    /**
     * Whether id and secret are form-urlencoded before Base64 in the Basic header. RFC 6749 §2.3.1 requires it and
     * standard servers decode that way; Genesys Cloud decodes the raw pair, as its official SDKs send it, and CXone
     * integrations send the raw pair too.
     */
    public boolean formEncodesBasicCredentials() {
        return formEncodesBasicCredentials;
    }

    public static Provider parse(String value) throws InvalidConfigurationException {
        String key = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (Provider provider : values()) {
            if (provider.id.equals(key)) {
                return provider;
            }
        }
        throw new InvalidConfigurationException("Unknown provider '" + (value == null ? "" : value.trim())
                + "' (parameter provider, property cxtoken.provider). Use 'genesys' (Genesys Cloud), 'cxone' (NICE"
                + " CXone) or 'oauth2' (any OAuth 2.0 server, with tokenUrl).");
    }
}
