package dev.cxtoken.provider;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.Secret;
import dev.cxtoken.TokenRequestRejectedException;
import dev.cxtoken.Urls;
import dev.cxtoken.credentials.ClientCredentials;
import dev.cxtoken.credentials.CredentialPlace;
import dev.cxtoken.http.Deadline;
import dev.cxtoken.oauth.AccessToken;
import dev.cxtoken.oauth.AssertionSource;
import dev.cxtoken.oauth.ClientAuthentication;
import dev.cxtoken.oauth.OAuthClient;
import dev.cxtoken.oauth.TokenRefusal;
import dev.cxtoken.oauth.TokenRequest;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The client-credentials grant against any OAuth 2.0 server, at a configured tokenUrl or at the token endpoint its
 * issuer's metadata names, with any of the client authentication methods, revoked by RFC 7009 where the server says
 * how.
 */
final class OAuth2Login implements Login {
    static final String ISSUER_ADVICE = "Check issuer (cxtoken.issuer): it must be the authorization server's issuer"
            + " exactly as its metadata names it (Keycloak: https://<host>/realms/<realm>)";
    private static final String NOT_FOUND = "There is no token endpoint at this URL. Check tokenUrl"
            + " (cxtoken.tokenUrl) or issuer (cxtoken.issuer).";

    private final CredentialPlace place;
    private final String configuredIssuer;
    private final URI issuer;
    private final URI tokenUri;
    private final URI revocationUri;
    private final ClientAuthentication authentication;
    private final String assertionAudience;
    private final List<String> scopes;
    private final Map<String, String> extraParameters;

    /**
     * @param configuredIssuer the issuer as configured, which the metadata must repeat exactly; null without one
     * @param tokenUri tokenUrl, which overrides the discovered endpoint, or null
     * @param revocationUri revocationUrl, which overrides the discovered endpoint, or null
     * @param assertionAudience the aud of a signed assertion, or null for the token endpoint
     */
    OAuth2Login(CredentialPlace place, String configuredIssuer, URI issuer, URI tokenUri, URI revocationUri,
            ClientAuthentication authentication, String assertionAudience, ProviderOptions options) {
        this.place = place;
        this.configuredIssuer = configuredIssuer;
        this.issuer = issuer;
        this.tokenUri = tokenUri;
        this.revocationUri = revocationUri;
        this.authentication = authentication;
        this.assertionAudience = assertionAudience;
        this.scopes = options.scopes;
        this.extraParameters = options.extraParameters;
    }

    @Override
    public List<CredentialPlace> places() {
        return Collections.singletonList(place);
    }

    @Override
    public String endpointIdentity() {
        return tokenUri != null ? tokenUri.toString() : "issuer " + configuredIssuer;
    }

    @Override
    public String hostForDisplay() {
        return Urls.hostForDisplay(tokenUri != null ? tokenUri : issuer);
    }

    @Override
    public String endpointDerivation() {
        if (tokenUri != null) {
            return "tokenUrl (cxtoken.tokenUrl)" + (issuer == null ? "" : ", which overrides the token_endpoint of"
                    + " the issuer's metadata");
        }
        List<URI> documents = Discovery.oauthDocuments(issuer);
        return "the metadata of issuer " + configuredIssuer + ": " + documents.get(0) + ", else " + documents.get(1)
                + ", read when the goal runs";
    }

    @Override
    public String grantType() {
        return "client_credentials";
    }

    @Override
    public String clientAuthentication() {
        return authentication.toString();
    }

    @Override
    public Fetched fetch(List<ClientCredentials> credentials, OAuthClient client, DocumentMemo memo,
            Deadline deadline) throws CxTokenException {
        Discovery discovery = null;
        if (issuer != null) {
            discovery = Discovery.read(client, configuredIssuer, Discovery.oauthDocuments(issuer), true,
                    ISSUER_ADVICE, memo, deadline);
            discovery.requireMethod(authentication, "issuer's", "Set clientAuth to a method the server lists, and"
                    + " register the client for it on the server.");
        }
        URI endpoint = tokenUri != null ? tokenUri : discovery.tokenEndpoint();
        ClientCredentials found = credentials.get(0);
        String audience = assertionAudience != null ? assertionAudience : endpoint.toString();
        TokenRequest.Client requester = new TokenRequest.Client(found.clientId(), found.credential(), authentication,
                audience);
        TokenRequest request = TokenRequest.clientCredentials(endpoint, requester, scopes, extraParameters);
        AccessToken token;
        try {
            token = client.requestToken(request, Endpoints.TOKEN_URL_ADVICE, deadline);
        } catch (TokenRefusal refusal) {
            Secret last = found.credential() instanceof AssertionSource
                    ? ((AssertionSource) found.credential()).last() : null;
            throw new TokenRequestRejectedException(refusal.getMessage() + " " + RefusalHints.hintFor(refusal, found,
                    NOT_FOUND, audience, last == null ? null : last.reveal()));
        }
        return new Fetched(token, null, null).revokedBy(revocation(discovery, requester));
    }

    private Revocation revocation(Discovery discovery, TokenRequest.Client requester) {
        URI endpoint = revocationUri != null ? revocationUri : discovery == null ? null
                : discovery.revocationEndpoint();
        if (endpoint == null) {
            return Revocation.unavailable(discovery == null ? "no revocationUrl (cxtoken.revocationUrl) is set"
                    : "the metadata of issuer " + configuredIssuer + " names no revocation_endpoint, and no"
                    + " revocationUrl (cxtoken.revocationUrl) is set");
        }
        return Revocation.rfc7009(endpoint, requester, revocationUri != null ? "Check revocationUrl"
                + " (cxtoken.revocationUrl): it must be the server's RFC 7009 endpoint" : ISSUER_ADVICE);
    }
}
