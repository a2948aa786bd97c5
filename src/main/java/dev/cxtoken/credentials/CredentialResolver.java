package dev.cxtoken.credentials;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.MissingCredentialsException;
import dev.cxtoken.Secret;
import java.util.Optional;

/**
 * Finds credential pairs: first the settings.xml server, then environment variables (or their {@code _FILE} forms).
 * The client id may also come from the clientId parameter, because ids are not secret. NICE CXone needs a second pair,
 * the access key, which is looked up the same way under its own server id and variable names.
 */
public final class CredentialResolver {
    private static final String ID_PARAMETER = "parameter clientId";

    private final ServerCredentialsSource servers;
    private final EnvironmentVariables environment;
    private final SecretlessResolver secretless;

    public CredentialResolver(ServerCredentialsSource servers, EnvironmentVariables environment) {
        this.servers = servers;
        this.environment = environment;
        this.secretless = new SecretlessResolver(servers, environment);
    }

    /** The pair found in the first of its places that holds one. */
    public ClientCredentials resolve(CredentialPlace place) throws CxTokenException {
        switch (place.kind) {
            case PRIVATE_KEY:
                return secretless.signingKey(place);
            case ASSERTION:
                return secretless.assertion(place);
            default:
                return resolvePair(place);
        }
    }

    /**
     * Whether any part of the pair is there: the server, either variable (or its _FILE form), or the id parameter.
     * A half pair counts as present, so that a typo is reported rather than quietly taken for "not configured".
     */
    public boolean isPresent(CredentialPlace place) throws CxTokenException {
        return servers.find(place.serverId).isPresent() || place.idParameterValue != null
                || environment.read(place.idEnv).isPresent() || environment.read(place.secretEnv).isPresent();
    }

    private ClientCredentials resolvePair(CredentialPlace pair) throws CxTokenException {
        Optional<ServerCredentials> server = servers.find(pair.serverId);
        if (server.isPresent()) {
            return fromServer(pair, server.get());
        }
        Optional<EnvironmentVariables.Value> secret = environment.read(pair.secretEnv);
        Optional<EnvironmentVariables.Value> id = environment.read(pair.idEnv);
        String foundId = id.map(EnvironmentVariables.Value::value).orElse(pair.idParameterValue);
        if (secret.isPresent() && foundId != null) {
            return new ClientCredentials(foundId, Secret.of(secret.get().value()),
                    id.map(EnvironmentVariables.Value::source).orElse(ID_PARAMETER), secret.get().source());
        }
        String missing = secret.isPresent() ? "No " + pair.owner + " id found" : foundId != null
                ? "No " + pair.owner + " secret found" : "No " + pair.owner + " credentials found";
        throw new MissingCredentialsException(missing + " for " + pair.user + ". Looked in: "
                + placesLookedAt(pair, id.isPresent(), secret.isPresent())
                + ". Add a <server> with id '" + pair.serverId + "' to settings.xml (username = " + pair.owner
                + " id, password = " + pair.owner + " secret; parameter " + pair.serverParameter + ", property cxtoken."
                + pair.serverParameter + ", picks another id), or set " + pair.idEnv + " and " + pair.secretEnv + ".");
    }

    private static ClientCredentials fromServer(CredentialPlace pair, ServerCredentials server) throws CxTokenException {
        String where = "settings.xml server '" + pair.serverId + "'";
        rejectUnresolved(where, "username", server.username());
        rejectUnresolved(where, "password", server.password() == null ? null : server.password().reveal());
        if (server.password() == null || server.password().reveal().trim().isEmpty()) {
            throw new InvalidConfigurationException(where + " has no <password>. Put the " + pair.owner + " secret"
                    + " there (it may be encrypted with mvn --encrypt-password), or remove the server to use"
                    + " environment variables." + (server.privateKey() == null ? "" : " It has a <privateKey>: to"
                    + " sign in with that key, set clientAuth (cxtoken.clientAuth) to private_key_jwt."));
        }
        if (EnvironmentVariables.isReadableFile(server.password().reveal().trim())) {
            throw new InvalidConfigurationException(where + " has a <password> that is the path of an existing file"
                    + " (not shown), not a secret. If it reads ${env.NAME} of a GitLab CI variable of type File,"
                    + " change the variable's type to Variable.");
        }
        boolean idFromServer = server.username() != null && !server.username().trim().isEmpty();
        String id = idFromServer ? server.username().trim() : pair.idParameterValue;
        if (id == null) {
            throw new MissingCredentialsException(where + " has no <username>. Put the " + pair.owner + " id there"
                    + (pair.hasIdParameter ? ", or set the clientId parameter (property cxtoken.clientId)." : "."));
        }
        return new ClientCredentials(id, Secret.of(server.password().reveal().trim()),
                idFromServer ? where : ID_PARAMETER, where);
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

    private static String placesLookedAt(CredentialPlace pair, boolean idSet, boolean secretSet) {
        return "settings.xml server '" + pair.serverId + "' (not found), environment variable " + pair.idEnv + " / "
                + pair.idEnv + "_FILE" + (idSet ? " (set)" : " (not set)") + ", environment variable "
                + pair.secretEnv + " / " + pair.secretEnv + "_FILE" + (secretSet ? " (set)" : " (not set)")
                + (pair.hasIdParameter ? ", parameter clientId (property cxtoken.clientId)"
                        + (pair.idParameterValue == null ? " (not set)" : " (set)") : "");
    }
}
