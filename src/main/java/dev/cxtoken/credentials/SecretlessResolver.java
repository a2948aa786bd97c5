package dev.cxtoken.credentials;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.MissingCredentialsException;
import dev.cxtoken.Secret;
import dev.cxtoken.oauth.AssertionSource;
import dev.cxtoken.oauth.SigningKey;
import java.util.Optional;

/**
 * Finds the credentials of the methods without a client secret: a private key (private_key_jwt) and a CI identity
 * token (federated). The client id is looked up as for a secret: settings.xml server, variable, or parameter.
 */
final class SecretlessResolver {
    static final String GITHUB_URL = "ACTIONS_ID_TOKEN_REQUEST_URL";
    static final String GITHUB_TOKEN = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";

    private final ServerCredentialsSource servers;
    private final EnvironmentVariables environment;

    SecretlessResolver(ServerCredentialsSource servers, EnvironmentVariables environment) {
        this.servers = servers;
        this.environment = environment;
    }

    /** The client id and key: the settings.xml server's {@code <privateKey>} first, then PEM text in the variable. */
    ClientCredentials signingKey(CredentialPlace place) throws CxTokenException {
        Optional<ServerCredentials> server = servers.find(place.serverId);
        String where = "settings.xml server '" + place.serverId + "'";
        if (server.isPresent()) {
            ServerCredentials found = server.get();
            if (found.privateKey() == null) {
                throw new InvalidConfigurationException(where + " has no <privateKey>. For clientAuth"
                        + " private_key_jwt put the path of the client's private key file there (PKCS#8 PEM or"
                        + " PKCS#12, with <passphrase> when it is encrypted), or remove the server to read the key"
                        + " from the environment variable " + place.secretEnv + ".");
            }
            if (ServerCredentials.isUnresolvedExpression(found.privateKey())) {
                throw new InvalidConfigurationException(where + " has <privateKey>" + found.privateKey()
                        + "</privateKey>, which Maven could not resolve. Set the variable it names, or write the path.");
            }
            Id id = id(place, found);
            PrivateKeys.Loaded key = PrivateKeys.fromFile(found.privateKey(), found.passphrase(),
                    where + " <privateKey>");
            return new ClientCredentials(id.value, SigningKey.of(key.key, place.signingAlgorithm, place.keyId,
                    where + " <privateKey>").withCertificate(key.certificate), id.source, where + " <privateKey>");
        }
        Optional<EnvironmentVariables.Value> pem = environment.read(place.secretEnv);
        Id id = id(place, null);
        if (!pem.isPresent() || id.value == null) {
            throw new MissingCredentialsException((pem.isPresent() ? "No client id" : id.value == null
                    ? "No client id and private key" : "No private key") + " found for " + place.user
                    + " (clientAuth private_key_jwt). Looked in: settings.xml server '" + place.serverId + "' (not"
                    + " found), environment variable " + place.secretEnv + " / " + place.secretEnv + "_FILE"
                    + (pem.isPresent() ? " (set)" : " (not set)") + ", " + id.lookedAt + ". Add a <server> with id '"
                    + place.serverId + "' to settings.xml (username = client id, privateKey = path of the key file,"
                    + " passphrase when it is encrypted), or set " + place.secretEnv + " to the PEM text (or "
                    + place.secretEnv + "_FILE to its path) and " + place.idEnv + " or clientId to the client id.");
        }
        String source = pem.get().source();
        PrivateKeys.Loaded key = PrivateKeys.fromPem(pem.get().value(), null, source);
        return new ClientCredentials(id.value, SigningKey.of(key.key, place.signingAlgorithm, place.keyId, source)
                .withCertificate(key.certificate), id.source, source);
    }

    /** The CI identity token: the variable first, then, on GitHub Actions, the runner. The client id is optional. */
    ClientCredentials assertion(CredentialPlace place) throws CxTokenException {
        Optional<ServerCredentials> server = servers.find(place.serverId);
        Id id = id(place, server.orElse(null));
        Optional<EnvironmentVariables.Value> token = environment.read(place.secretEnv);
        if (token.isPresent()) {
            AssertionSource source = CiAssertions.fixed(Secret.of(token.get().value()), token.get().source(),
                    place.secretEnv, place.expectedAudience);
            return new ClientCredentials(id.value, source, id.source, token.get().source());
        }
        Optional<EnvironmentVariables.Value> url = environment.read(GITHUB_URL);
        Optional<EnvironmentVariables.Value> requestToken = environment.read(GITHUB_TOKEN);
        if (url.isPresent() && requestToken.isPresent()) {
            if (place.requestAudience == null) {
                throw new InvalidConfigurationException("On GitHub Actions the plugin requests the job's OIDC token"
                        + " for an audience, and none is configured. Set assertionAudience (property"
                        + " cxtoken.assertionAudience) to the audience the server expects (for Microsoft Entra"
                        + " api://AzureADTokenExchange), or set issuer.");
            }
            AssertionSource source = CiAssertions.gitHub(url.get().value(), Secret.of(requestToken.get().value()),
                    place.requestAudience, place.expectedAudience);
            return new ClientCredentials(id.value, source, id.source, source.origin());
        }
        boolean onGitHub = "true".equals(environment.raw("GITHUB_ACTIONS"));
        throw new MissingCredentialsException("No client assertion found for " + place.user + " (clientAuth"
                + " federated). Looked in: environment variable " + place.secretEnv + " / " + place.secretEnv
                + "_FILE (not set), GitHub Actions OIDC (" + GITHUB_URL + (url.isPresent() ? " set" : " not set")
                + ", " + GITHUB_TOKEN + (requestToken.isPresent() ? " set" : " not set") + "). "
                + (onGitHub ? "This is GitHub Actions: give the job permissions: id-token: write, so that the runner"
                        + " sets both variables." : "Let the CI put its identity token in " + place.secretEnv
                        + ": in GitLab CI, id_tokens: { " + place.secretEnv + ": { aud: <audience> } }; in Jenkins,"
                        + " bind the id token credential to " + place.secretEnv + " or " + place.secretEnv
                        + "_FILE; on GitHub Actions, grant permissions: id-token: write."));
    }

    /** A client id and where it came from, or a null id with the places looked at. */
    private static final class Id {
        final String value;
        final String source;
        final String lookedAt;

        Id(String value, String source, String lookedAt) {
            this.value = value;
            this.source = source;
            this.lookedAt = lookedAt;
        }
    }

    private Id id(CredentialPlace place, ServerCredentials server) throws CxTokenException {
        String where = "settings.xml server '" + place.serverId + "'";
        if (server != null && server.username() != null && !server.username().trim().isEmpty()
                && !ServerCredentials.isUnresolvedExpression(server.username())) {
            return new Id(server.username().trim(), where, where);
        }
        Optional<EnvironmentVariables.Value> variable = environment.read(place.idEnv);
        if (variable.isPresent()) {
            return new Id(variable.get().value(), variable.get().source(), "");
        }
        if (place.idParameterValue != null) {
            return new Id(place.idParameterValue, "parameter clientId", "");
        }
        return new Id(null, null, "environment variable " + place.idEnv + " / " + place.idEnv + "_FILE (not set),"
                + " parameter clientId (property cxtoken.clientId) (not set)");
    }
}
