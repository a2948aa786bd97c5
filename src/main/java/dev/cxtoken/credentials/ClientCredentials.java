package dev.cxtoken.credentials;

import dev.cxtoken.Secret;

/** A client id, its secret, and a description of where each came from (never the values). */
public final class ClientCredentials {
    private static final String VARIABLE = "environment variable ";

    private final String clientId;
    private final Secret secret;
    private final String idSource;
    private final String secretSource;

    /** Both from one place, such as a settings.xml server. */
    public ClientCredentials(String clientId, Secret secret, String source) {
        this(clientId, secret, source, source);
    }

    public ClientCredentials(String clientId, Secret secret, String idSource, String secretSource) {
        this.clientId = clientId;
        this.secret = secret;
        this.idSource = idSource;
        this.secretSource = secretSource;
    }

    public String clientId() {
        return clientId;
    }

    public Secret secret() {
        return secret;
    }

    /**
     * Where the pair came from, naming the id's place and the secret's: "settings.xml server 'genesys'",
     * "environment variables GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET", or "parameter clientId (the id) and
     * environment variable GENESYS_CLIENT_SECRET (the secret)".
     */
    public String source() {
        if (idSource.equals(secretSource)) {
            return secretSource;
        }
        if (idSource.startsWith(VARIABLE) && secretSource.startsWith(VARIABLE)) {
            return "environment variables " + idSource.substring(VARIABLE.length()) + " and "
                    + secretSource.substring(VARIABLE.length());
        }
        return idSource + " (the id) and " + secretSource + " (the secret)";
    }

    /** The id shortened for log lines: enough to recognise it, not to copy it. */
    public String abbreviatedClientId() {
        return clientId.length() <= 8 ? clientId : clientId.substring(0, 8) + "…";
    }

    @Override
    public String toString() {
        return "ClientCredentials{clientId=" + abbreviatedClientId() + ", secret=[redacted], source=" + source() + "}";
    }
}
