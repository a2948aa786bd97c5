package dev.cxtoken.provider;

import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.credentials.CredentialPlace;
import dev.cxtoken.oauth.ClientAuthentication;
import dev.cxtoken.oauth.ClientAuthentications;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;

/**
 * Genesys Cloud: {@code https://login.<domain>/oauth/token}, the client-credentials grant, and Basic over the raw
 * id:secret pair, as its official SDKs send it and its servers decode it. The API lives at {@code api.<domain>}.
 */
final class Genesys implements Provider {
    /** The org domain used when environment is not set. */
    static final String DEFAULT_ENVIRONMENT = "mypurecloud.com";

    @Override
    public String id() {
        return "genesys";
    }

    @Override
    public String title() {
        return "Genesys Cloud";
    }

    @Override
    public Login configure(ProviderOptions options) throws InvalidConfigurationException {
        CredentialPlace place = new CredentialPlace("client", "provider 'genesys'",
                ProviderOptions.orDefault(options.serverId, "genesys"), "serverId",
                ProviderOptions.orDefault(options.clientIdEnv, "GENESYS_CLIENT_ID"),
                ProviderOptions.orDefault(options.clientSecretEnv, "GENESYS_CLIENT_SECRET"), options.clientId, true);
        URI tokenUri;
        String apiBaseUrl;
        String note = "";
        String derivation = "tokenUrl (cxtoken.tokenUrl)";
        String domain = domain(options);
        if (options.tokenUrl == null) {
            tokenUri = URI.create("https://login." + domain + "/oauth/token");
            apiBaseUrl = "https://api." + domain;
            derivation = options.environment == null ? "the default environment " + DEFAULT_ENVIRONMENT
                    + " (us-east-1)" : "the region table: environment '" + options.environment.trim() + "' is "
                    + domain;
            if (options.environment == null) {
                // A misspelt <enviroment> is ignored silently by Maven before 3.9, and the build talks to US East.
                note = " (default environment " + DEFAULT_ENVIRONMENT + ", us-east-1; set environment for your"
                        + " org's region)";
            }
        } else {
            tokenUri = Endpoints.tokenUrl(options.tokenUrl);
            apiBaseUrl = apiBaseFor(tokenUri);
            if (options.environment != null && !tokenUri.equals(URI.create("https://login." + domain + "/oauth/token"))) {
                note = " (tokenUrl overrides environment " + options.environment.trim() + ", which is not used)";
            }
        }
        options.refuseRevocationUrl(id(), "revokes with DELETE /api/v2/tokens/me at the API base URL");
        // Genesys Cloud OAuth clients take a secret only; a provider that gains more methods lists them here.
        ClientAuthentication authentication = ClientAuthentications.parse(options.clientAuth,
                Arrays.asList(ClientAuthentications.RAW_BASIC, ClientAuthentications.POST), id());
        options.refuseUnused(id(), authentication.credentialKind());
        return new ClientCredentialsLogin(place, tokenUri, apiBaseUrl,
                authentication, options,
                "There is no token endpoint at this URL. Check environment (cxtoken.environment) or tokenUrl"
                        + " (cxtoken.tokenUrl); Genesys Cloud's is https://login.<domain>/oauth/token.",
                client -> Revocation.genesys(apiBaseUrl), new OrganizationPin(options.expectedOrganization))
                .noting(note).derivedFrom(derivation);
    }

    /**
     * The org domain of environment. Checked even when tokenUrl overrides it: a misspelt region is a mistake either
     * way, and the advice then says that tokenUrl is set.
     */
    private static String domain(ProviderOptions options) throws InvalidConfigurationException {
        try {
            return GenesysRegions.resolveDomain(ProviderOptions.orDefault(options.environment, DEFAULT_ENVIRONMENT));
        } catch (InvalidConfigurationException e) {
            if (options.tokenUrl == null) {
                throw e;
            }
            String message = e.getMessage();
            int advice = message.indexOf(" For a private or new region, set tokenUrl");
            throw new InvalidConfigurationException((advice < 0 ? message : message.substring(0, advice))
                    + " tokenUrl (cxtoken.tokenUrl) is set and gives the token endpoint, so environment is not used"
                    + " for it: remove environment, or correct it.");
        }
    }

    /**
     * The official SDKs pair {@code login.<domain>} with {@code api.<domain>}; any other explicit endpoint (a gateway,
     * a stand-in server) is taken to serve the API at its own origin.
     */
    static String apiBaseFor(URI tokenUri) {
        String host = tokenUri.getHost();
        String apiHost = host.toLowerCase(Locale.ROOT).startsWith("login.") ? "api." + host.substring(6) : host;
        String port = tokenUri.getPort() == -1 ? "" : ":" + tokenUri.getPort();
        String bracketed = apiHost.contains(":") && !apiHost.startsWith("[") ? "[" + apiHost + "]" : apiHost;
        return tokenUri.getScheme().toLowerCase(Locale.ROOT) + "://" + bracketed + port;
    }
}
