package dev.cxtoken.oauth;

import java.util.Optional;

/**
 * Finds the client credentials: first the settings.xml server, then environment variables (or their {@code _FILE}
 * forms). The client id may also come from the clientId parameter, because ids are not secret.
 */
public final class CredentialResolver {
    private final ServerCredentialsSource servers;
    private final EnvironmentVariables environment;

    public CredentialResolver(ServerCredentialsSource servers, EnvironmentVariables environment) {
        this.servers = servers;
        this.environment = environment;
    }

    public ClientCredentials resolve(FetchConfiguration config) throws CxTokenException {
        String serverId = config.serverId();
        Optional<ServerCredentials> server = servers.find(serverId);
        if (server.isPresent()) {
            return fromServer(config, server.get());
        }
        Optional<EnvironmentVariables.Value> secret = environment.read(config.clientSecretEnv());
        Optional<EnvironmentVariables.Value> id = environment.read(config.clientIdEnv());
        String clientId = id.map(EnvironmentVariables.Value::value).orElse(config.clientId());
        if (secret.isPresent() && clientId != null) {
            return new ClientCredentials(clientId, Secret.of(secret.get().value()), secret.get().source());
        }
        String missing = secret.isPresent() ? "No client id found" : clientId != null
                ? "No client secret found" : "No client credentials found";
        throw new MissingCredentialsException(missing + " for provider '" + config.provider().id() + "'. Looked in: "
                + placesLookedAt(config) + ". Add a <server> with id '" + serverId + "' to settings.xml (username ="
                + " client id, password = client secret), or set " + config.clientIdEnv() + " and "
                + config.clientSecretEnv() + ".");
    }

    private ClientCredentials fromServer(FetchConfiguration config, ServerCredentials server)
            throws CxTokenException {
        String where = "settings.xml server '" + config.serverId() + "'";
        rejectUnresolved(where, "username", server.username());
        rejectUnresolved(where, "password", server.password() == null ? null : server.password().reveal());
        if (server.password() == null || server.password().reveal().trim().isEmpty()) {
            throw new InvalidConfigurationException(where + " has no <password>. Put the client secret there (it may"
                    + " be encrypted with mvn --encrypt-password), or remove the server to use environment variables.");
        }
        String clientId = server.username() == null || server.username().trim().isEmpty()
                ? config.clientId() : server.username().trim();
        if (clientId == null) {
            throw new MissingCredentialsException(where + " has no <username>. Put the client id there, or set the"
                    + " clientId parameter (property cxtoken.clientId).");
        }
        return new ClientCredentials(clientId, Secret.of(server.password().reveal().trim()), where);
    }

    /**
     * A CI settings.xml often says {@code <password>${env.GENESYS_CLIENT_SECRET}</password>}; when the variable is not
     * set (a protected CI variable on an unprotected branch, say), Maven leaves the expression as it is, and sending
     * it would only earn a puzzling invalid_client. Expressions are not secret, so the message may show them.
     */
    private static void rejectUnresolved(String where, String element, String value)
            throws InvalidConfigurationException {
        if (!ServerCredentials.isUnresolvedExpression(value)) {
            return;
        }
        String expression = value.trim();
        String name = expression.substring(2, expression.length() - 1);
        String cause = name.startsWith("env.")
                ? "environment variable " + name.substring(4) + " is not set in this build (in GitLab CI, protected"
                        + " variables reach only protected branches and tags)"
                : "property " + name + " is not defined";
        throw new InvalidConfigurationException(where + " has <" + element + ">" + expression + "</" + element
                + ">, which Maven could not resolve: " + cause + ". Set it, or remove the server from this"
                + " settings.xml to use the plugin's environment variables.");
    }

    private static String placesLookedAt(FetchConfiguration config) {
        return "settings.xml server '" + config.serverId() + "' (not found), environment variables "
                + config.clientIdEnv() + " / " + config.clientIdEnv() + "_FILE and " + config.clientSecretEnv() + " / "
                + config.clientSecretEnv() + "_FILE (not set), parameter clientId (property cxtoken.clientId)"
                + (config.clientId() == null ? " (not set)" : "");
    }
}
