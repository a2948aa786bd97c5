package dev.cxtoken.provider;

import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.credentials.CredentialPlace;
import dev.cxtoken.Urls;
import dev.cxtoken.oauth.ClientAuthentications;
import java.net.URI;

/** Any RFC 6749 server: an explicit tokenUrl, and client_secret_basic with form-urlencoding (RFC 6749 §2.3.1). */
final class GenericOAuth2 implements Provider {
    @Override
    public String id() {
        return "oauth2";
    }

    @Override
    public String title() {
        return "any OAuth 2.0 server, with tokenUrl";
    }

    @Override
    public Login configure(ProviderOptions options) throws InvalidConfigurationException {
        if (options.tokenUrl == null) {
            throw new InvalidConfigurationException("Provider 'oauth2' needs the token endpoint: set tokenUrl"
                    + " (property cxtoken.tokenUrl) to the server's token URL, for example"
                    + " https://auth.example.com/oauth2/token.");
        }
        CredentialPlace place = new CredentialPlace("client", "provider 'oauth2'",
                ProviderOptions.orDefault(options.serverId, "oauth2"), "serverId",
                ProviderOptions.orDefault(options.clientIdEnv, "OAUTH_CLIENT_ID"),
                ProviderOptions.orDefault(options.clientSecretEnv, "OAUTH_CLIENT_SECRET"), options.clientId, true);
        if (options.expectedOrganization != null) {
            throw new InvalidConfigurationException("expectedOrganization (property cxtoken.expectedOrganization)"
                    + " works with providers 'genesys' and 'cxone', which say which org a token belongs to; an"
                    + " OAuth 2.0 server in general does not. Remove it for provider 'oauth2'.");
        }
        URI revocationUri = options.revocationUrl == null ? null : Urls.checked(options.revocationUrl,
                "revocationUrl", " (parameter revocationUrl, property cxtoken.revocationUrl)",
                "https://auth.example.com/oauth2/revoke");
        return new ClientCredentialsLogin(place, Endpoints.tokenUrl(options.tokenUrl), null,
                ClientAuthentications.parse(options.clientAuth, ClientAuthentications.FORM_ENCODED_BASIC), options,
                "There is no token endpoint at this URL. Check tokenUrl (cxtoken.tokenUrl).",
                client -> revocationUri == null ? Revocation.unavailable("no revocationUrl"
                        + " (cxtoken.revocationUrl) is set") : Revocation.rfc7009(revocationUri, client,
                        "Check revocationUrl (cxtoken.revocationUrl): it must be the server's RFC 7009 endpoint"),
                new OrganizationPin(null));
    }
}
