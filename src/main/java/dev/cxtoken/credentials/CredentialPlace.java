package dev.cxtoken.credentials;

import dev.cxtoken.oauth.CredentialKind;

/**
 * Where one credential pair is looked for: a settings.xml server, then a pair of environment variables (or their
 * {@code _FILE} forms), and for client ids also a parameter, because ids are not secret.
 */
public final class CredentialPlace {
    final String owner;
    final String user;
    final String serverId;
    final String serverParameter;
    final String idEnv;
    final String secretEnv;
    final String idParameterValue;
    final boolean hasIdParameter;
    final CredentialKind kind;
    /** For a key: signingAlgorithm and keyId; for an assertion: the audience to check and the one to request. */
    final String signingAlgorithm;
    final String keyId;
    final String expectedAudience;
    final String requestAudience;

    /**
     * @param owner what the id and secret belong to: "client", "application client", "access key"
     * @param user who needs the pair, for messages: "provider 'genesys'"
     * @param serverParameter the parameter that names the server: "serverId"
     * @param idParameterValue the id given as the clientId parameter, or null
     * @param hasIdParameter whether the id may come from the clientId parameter at all
     */
    public CredentialPlace(String owner, String user, String serverId, String serverParameter, String idEnv,
            String secretEnv, String idParameterValue, boolean hasIdParameter) {
        this.owner = owner;
        this.user = user;
        this.serverId = serverId;
        this.serverParameter = serverParameter;
        this.idEnv = idEnv;
        this.secretEnv = secretEnv;
        this.idParameterValue = idParameterValue;
        this.hasIdParameter = hasIdParameter;
        this.kind = CredentialKind.SECRET;
        this.signingAlgorithm = null;
        this.keyId = null;
        this.expectedAudience = null;
        this.requestAudience = null;
    }

    private CredentialPlace(CredentialPlace base, CredentialKind kind, String credentialEnv, String signingAlgorithm,
            String keyId, String expectedAudience, String requestAudience) {
        this.owner = base.owner;
        this.user = base.user;
        this.serverId = base.serverId;
        this.serverParameter = base.serverParameter;
        this.idEnv = base.idEnv;
        this.secretEnv = credentialEnv;
        this.idParameterValue = base.idParameterValue;
        this.hasIdParameter = base.hasIdParameter;
        this.kind = kind;
        this.signingAlgorithm = signingAlgorithm;
        this.keyId = keyId;
        this.expectedAudience = expectedAudience;
        this.requestAudience = requestAudience;
    }

    /**
     * The same place, for a private key instead of a secret: the server's {@code <privateKey>} and
     * {@code <passphrase>}, or PEM text in {@code keyEnv}.
     *
     * @param signingAlgorithm the configured JWS algorithm, or null to choose from the key
     * @param keyId the JWS kid, or null
     */
    public CredentialPlace forSigningKey(String keyEnv, String signingAlgorithm, String keyId) {
        return new CredentialPlace(this, CredentialKind.PRIVATE_KEY, keyEnv, signingAlgorithm, keyId, null, null);
    }

    /**
     * The same place, for a CI identity token instead of a secret: {@code assertionEnv}, or on GitHub Actions a token
     * requested from the runner. The client id is optional there.
     *
     * @param expectedAudience the audience the token must be for (assertionAudience), or null
     * @param requestAudience the audience to request from GitHub Actions, or null when none is known
     */
    public CredentialPlace forAssertion(String assertionEnv, String expectedAudience, String requestAudience) {
        return new CredentialPlace(this, CredentialKind.ASSERTION, assertionEnv, null, null, expectedAudience,
                requestAudience);
    }

    public CredentialKind kind() {
        return kind;
    }

    public String owner() {
        return owner;
    }

    public String serverId() {
        return serverId;
    }

    /** For hints: "settings.xml server 'cxone' (parameter serverId, ...) or the environment variables A / B". */
    public String describe() {
        if (kind == CredentialKind.ASSERTION) {
            return "the environment variable " + secretEnv + " (or " + secretEnv + "_FILE), or on GitHub Actions the"
                    + " runner's OIDC token; the client id from parameter clientId, " + idEnv + " or settings.xml"
                    + " server '" + serverId + "'";
        }
        return "settings.xml server '" + serverId + "' (parameter " + serverParameter + ", property cxtoken."
                + serverParameter + ") or the environment variables " + idEnv + " / " + secretEnv;
    }

    @Override
    public String toString() {
        return "CredentialPlace{" + owner + ": " + describe() + "}";
    }
}
