package dev.cxtoken.credentials;

import dev.cxtoken.Credential;
import dev.cxtoken.Secret;
import dev.cxtoken.oauth.AssertionSource;
import dev.cxtoken.oauth.SigningKey;

/** A client id, its credential, and a description of where each came from (never the values). */
public final class ClientCredentials {
    private static final String VARIABLE = "environment variable ";

    private final String clientId;
    private final Credential credential;
    private final String idSource;
    private final String secretSource;

    /** Both from one place, such as a settings.xml server. */
    public ClientCredentials(String clientId, Secret secret, String source) {
        this(clientId, secret, source, source);
    }

    /**
     * @param clientId the id, or null for a federated client that configures none
     * @param credential a secret, a signing key or an assertion source
     */
    public ClientCredentials(String clientId, Credential credential, String idSource, String secretSource) {
        this.clientId = clientId;
        this.credential = credential;
        this.idSource = idSource;
        this.secretSource = secretSource;
    }

    /** The id, or null for a federated client that configures none. */
    public String clientId() {
        return clientId;
    }

    /** The secret, for the logins that take only secrets (Genesys Cloud, CXone). */
    public Secret secret() {
        if (!(credential instanceof Secret)) {
            throw new IllegalStateException("A " + credentialNoun() + " is not a secret");
        }
        return (Secret) credential;
    }

    public Credential credential() {
        return credential;
    }

    private String credentialNoun() {
        return credential instanceof SigningKey ? "key" : credential instanceof AssertionSource ? "assertion"
                : "secret";
    }

    /**
     * Where the pair came from, naming the id's place and the secret's: "settings.xml server 'genesys'",
     * "environment variables GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET", or "parameter clientId (the id) and
     * environment variable GENESYS_CLIENT_SECRET (the secret)".
     */
    public String source() {
        if (clientId == null || idSource.equals(secretSource)) {
            return secretSource;
        }
        if (idSource.startsWith(VARIABLE) && secretSource.startsWith(VARIABLE)) {
            return "environment variables " + idSource.substring(VARIABLE.length()) + " and "
                    + secretSource.substring(VARIABLE.length());
        }
        return idSource + " (the id) and " + secretSource + " (the " + credentialNoun() + ")";
    }

    /** The id shortened for log lines: enough to recognise it, not to copy it. */
    public String abbreviatedClientId() {
        if (clientId == null) {
            return "(no client id)";
        }
        return clientId.length() <= 8 ? clientId : clientId.substring(0, 8) + "…";
    }

    @Override
    public String toString() {
        return "ClientCredentials{clientId=" + abbreviatedClientId() + ", " + credentialNoun() + "=[redacted], source="
                + source() + "}";
    }
}
