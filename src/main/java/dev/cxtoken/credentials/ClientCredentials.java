package dev.cxtoken.credentials;

import dev.cxtoken.Secret;

/** A client id, its secret, and a description of where they came from (never the values). */
public final class ClientCredentials {
    private final String clientId;
    private final Secret secret;
    private final String source;

    public ClientCredentials(String clientId, Secret secret, String source) {
        this.clientId = clientId;
        this.secret = secret;
        this.source = source;
    }

    public String clientId() {
        return clientId;
    }

    public Secret secret() {
        return secret;
    }

    /** For example "settings.xml server 'genesys'" or "environment variable GENESYS_CLIENT_SECRET". */
    public String source() {
        return source;
    }

    /** The id shortened for log lines: enough to recognise it, not to copy it. */
    public String abbreviatedClientId() {
        return clientId.length() <= 8 ? clientId : clientId.substring(0, 8) + "…";
    }

    @Override
    public String toString() {
        return "ClientCredentials{clientId=" + abbreviatedClientId() + ", secret=[redacted], source=" + source + "}";
    }
}
