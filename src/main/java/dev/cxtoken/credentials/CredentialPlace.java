package dev.cxtoken.credentials;

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
    }

    public String owner() {
        return owner;
    }

    public String serverId() {
        return serverId;
    }

    /** For hints: "settings.xml server 'cxone' (parameter serverId, ...) or the environment variables A / B". */
    public String describe() {
        return "settings.xml server '" + serverId + "' (parameter " + serverParameter + ", property cxtoken."
                + serverParameter + ") or the environment variables " + idEnv + " / " + secretEnv;
    }

    @Override
    public String toString() {
        return "CredentialPlace{" + owner + ": " + describe() + "}";
    }
}
