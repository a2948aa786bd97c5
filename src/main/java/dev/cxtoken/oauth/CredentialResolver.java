package dev.cxtoken.oauth;

import java.util.Optional;

/**
 * Finds credential pairs: first the settings.xml server, then environment variables (or their {@code _FILE} forms).
 * The client id may also come from the clientId parameter, because ids are not secret. NICE CXone needs a second pair,
 * the access key, which is looked up the same way under its own server id and variable names.
 */
public final class CredentialResolver {
    private final ServerCredentialsSource servers;
    private final EnvironmentVariables environment;

    public CredentialResolver(ServerCredentialsSource servers, EnvironmentVariables environment) {
        this.servers = servers;
        this.environment = environment;
    }

    /** The words and places that differ between the two kinds of pair. */
    private static final class Pair {
        final String serverId;
        /** The parameter that names the server: "serverId" or "accessKeyServerId". */
        final String serverParameter;
        final String idEnv;
        final String secretEnv;
        /** The id given as a parameter, or null; only client ids have such a parameter. */
        final String idParameter;
        final boolean hasIdParameter;
        /** "client", "application client" or "access key": what the id and secret belong to. */
        final String owner;
        /** Who uses the pair, for the "not found" message: "provider 'genesys'". */
        final String user;

        Pair(String serverId, String serverParameter, String idEnv, String secretEnv, String idParameter,
                boolean hasIdParameter, String owner, String user) {
            this.serverId = serverId;
            this.serverParameter = serverParameter;
            this.idEnv = idEnv;
            this.secretEnv = secretEnv;
            this.idParameter = idParameter;
            this.hasIdParameter = hasIdParameter;
            this.owner = owner;
            this.user = user;
        }
    }

    /** The client id and secret (for CXone: the registered application's). */
    public ClientCredentials resolve(FetchConfiguration config) throws CxTokenException {
        String owner = config.provider() == Provider.CXONE ? "application client" : "client";
        return resolve(new Pair(config.serverId(), "serverId", config.clientIdEnv(), config.clientSecretEnv(),
                config.clientId(), true, owner, "provider '" + config.provider().id() + "'"));
    }

    /** The CXone access key: its id travels as the password grant's username, its secret as the password. */
    public ClientCredentials resolveAccessKey(FetchConfiguration config) throws CxTokenException {
        return resolve(new Pair(config.accessKeyServerId(), "accessKeyServerId", config.accessKeyIdEnv(),
                config.accessKeySecretEnv(), null, false, "access key", "provider 'cxone'"));
    }

    private ClientCredentials resolve(Pair pair) throws CxTokenException {
        Optional<ServerCredentials> server = servers.find(pair.serverId);
        if (server.isPresent()) {
            return fromServer(pair, server.get());
        }
        Optional<EnvironmentVariables.Value> secret = environment.read(pair.secretEnv);
        Optional<EnvironmentVariables.Value> id = environment.read(pair.idEnv);
        String foundId = id.map(EnvironmentVariables.Value::value).orElse(pair.idParameter);
        if (secret.isPresent() && foundId != null) {
            return new ClientCredentials(foundId, Secret.of(secret.get().value()), secret.get().source());
        }
        String missing = secret.isPresent() ? "No " + pair.owner + " id found" : foundId != null
                ? "No " + pair.owner + " secret found" : "No " + pair.owner + " credentials found";
        throw new MissingCredentialsException(missing + " for " + pair.user + ". Looked in: " + placesLookedAt(pair)
                + ". Add a <server> with id '" + pair.serverId + "' to settings.xml (username = " + pair.owner
                + " id, password = " + pair.owner + " secret; parameter " + pair.serverParameter + ", property cxtoken."
                + pair.serverParameter + ", picks another id), or set " + pair.idEnv + " and " + pair.secretEnv + ".");
    }

    private static ClientCredentials fromServer(Pair pair, ServerCredentials server) throws CxTokenException {
        String where = "settings.xml server '" + pair.serverId + "'";
        rejectUnresolved(where, "username", server.username());
        rejectUnresolved(where, "password", server.password() == null ? null : server.password().reveal());
        if (server.password() == null || server.password().reveal().trim().isEmpty()) {
            throw new InvalidConfigurationException(where + " has no <password>. Put the " + pair.owner + " secret"
                    + " there (it may be encrypted with mvn --encrypt-password), or remove the server to use"
                    + " environment variables.");
        }
        String id = server.username() == null || server.username().trim().isEmpty()
                ? pair.idParameter : server.username().trim();
        if (id == null) {
            throw new MissingCredentialsException(where + " has no <username>. Put the " + pair.owner + " id there"
                    + (pair.hasIdParameter ? ", or set the clientId parameter (property cxtoken.clientId)." : "."));
        }
        return new ClientCredentials(id, Secret.of(server.password().reveal().trim()), where);
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

    private static String placesLookedAt(Pair pair) {
        return "settings.xml server '" + pair.serverId + "' (not found), environment variables " + pair.idEnv + " / "
                + pair.idEnv + "_FILE and " + pair.secretEnv + " / " + pair.secretEnv + "_FILE (not set)"
                + (pair.hasIdParameter ? ", parameter clientId (property cxtoken.clientId)"
                        + (pair.idParameter == null ? " (not set)" : "") : "");
    }
}
