package dev.cxtoken.provider;

import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.Urls;
import dev.cxtoken.credentials.CredentialPlace;
import dev.cxtoken.oauth.ClientAuthentication;
import dev.cxtoken.oauth.ClientAuthentications;
import dev.cxtoken.oauth.CredentialKind;
import java.net.URI;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Any RFC 6749 server: a tokenUrl, or an issuer whose metadata names the endpoints (RFC 8414); client_secret_basic with
 * form-urlencoding (RFC 6749 §2.3.1), client_secret_post, private_key_jwt, or the CI's identity token (federated).
 */
final class GenericOAuth2 implements Provider {
    /**
     * An audience that names itself by a scheme other than http(s), such as Microsoft Entra's
     * {@code api://AzureADTokenExchange}: an {@code aud} is any StringOrURI (RFC 7519 §4.1.3), so only http(s)
     * audiences are held to the rules of URLs.
     */
    private static final Pattern OTHER_SCHEME = Pattern.compile("(?i)(?!https?:)[a-z][a-z0-9+.-]*:[^\\s]+");

    @Override
    public String id() {
        return "oauth2";
    }

    @Override
    public String title() {
        return "any OAuth 2.0 server, with tokenUrl or issuer";
    }

    @Override
    public Login configure(ProviderOptions options) throws InvalidConfigurationException {
        ClientAuthentication authentication = ClientAuthentications.parse(options.clientAuth,
                Arrays.asList(ClientAuthentications.FORM_ENCODED_BASIC, ClientAuthentications.POST,
                        ClientAuthentications.PRIVATE_KEY_JWT, ClientAuthentications.FEDERATED), id());
        options.refuseUnused(id(), authentication.credentialKind());
        if (options.tokenUrl == null && options.issuer == null) {
            throw new InvalidConfigurationException("Provider 'oauth2' needs the token endpoint: set issuer (property"
                    + " cxtoken.issuer) to the authorization server's issuer, whose metadata names it, for example"
                    + " https://auth.example.com/realms/ci; or tokenUrl (property cxtoken.tokenUrl) to the token URL,"
                    + " for example https://auth.example.com/oauth2/token.");
        }
        if (options.expectedOrganization != null) {
            throw new InvalidConfigurationException("expectedOrganization (property cxtoken.expectedOrganization)"
                    + " works with providers 'genesys' and 'cxone', which say which org a token belongs to; an"
                    + " OAuth 2.0 server in general does not. Remove it for provider 'oauth2'.");
        }
        URI issuer = options.issuer == null ? null : issuer(options.issuer);
        URI tokenUri = options.tokenUrl == null ? null : Endpoints.tokenUrl(options.tokenUrl);
        URI revocationUri = options.revocationUrl == null ? null : Urls.checked(options.revocationUrl,
                "revocationUrl", " (parameter revocationUrl, property cxtoken.revocationUrl)",
                "https://auth.example.com/oauth2/revoke");
        String audience = options.assertionAudience;
        if (audience != null && !OTHER_SCHEME.matcher(audience).matches()) {
            Urls.checked(audience.contains("://") ? audience : "https://" + audience, "assertionAudience", "",
                    "https://auth.example.com/realms/ci");
        }
        CredentialPlace place = new CredentialPlace("client", "provider 'oauth2'",
                ProviderOptions.orDefault(options.serverId, "oauth2"), "serverId",
                ProviderOptions.orDefault(options.clientIdEnv, "OAUTH_CLIENT_ID"),
                ProviderOptions.orDefault(options.clientSecretEnv, "OAUTH_CLIENT_SECRET"), options.clientId, true);
        if (authentication.credentialKind() == CredentialKind.PRIVATE_KEY) {
            place = place.forSigningKey(ProviderOptions.orDefault(options.clientKeyEnv, "OAUTH_CLIENT_KEY"),
                    options.signingAlgorithm, options.keyId);
        } else if (authentication.credentialKind() == CredentialKind.ASSERTION) {
            place = place.forAssertion(ProviderOptions.orDefault(options.clientAssertionEnv, "OAUTH_CLIENT_ASSERTION"),
                    audience, audience != null ? audience : options.issuer);
        }
        return new OAuth2Login(place, options.issuer, issuer, tokenUri, revocationUri, authentication, audience,
                options);
    }

    /** RFC 8414 §2: an https URL (http on loopback) without query or fragment, kept exactly as configured. */
    private static URI issuer(String value) throws InvalidConfigurationException {
        URI issuer = Urls.checked(value, "issuer", " (parameter issuer, property cxtoken.issuer)",
                "https://auth.example.com/realms/ci");
        if (issuer.getRawQuery() != null) {
            throw new InvalidConfigurationException("issuer '" + value + "' must not contain a query (?...) (parameter"
                    + " issuer, property cxtoken.issuer). Give the issuer exactly as the server's metadata names it;"
                    + " the plugin appends the /.well-known/ paths itself.");
        }
        return issuer;
    }
}
