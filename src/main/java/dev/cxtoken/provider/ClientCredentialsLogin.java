package dev.cxtoken.provider;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.TokenRequestRejectedException;
import dev.cxtoken.credentials.ClientCredentials;
import dev.cxtoken.credentials.CredentialPlace;
import dev.cxtoken.http.Deadline;
import dev.cxtoken.oauth.AccessToken;
import dev.cxtoken.oauth.ClientAuthentication;
import dev.cxtoken.oauth.OAuthClient;
import dev.cxtoken.oauth.TokenRefusal;
import dev.cxtoken.oauth.TokenRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** The client-credentials grant (RFC 6749 §4.4) against a known token URL, as Genesys Cloud and OAuth 2.0 take it. */
final class ClientCredentialsLogin extends SinglePlaceLogin {
    private final String apiBaseUrl;
    private final ClientAuthentication authentication;
    private final List<String> scopes;
    private final Map<String, String> extraParameters;
    private final String notFoundHint;
    private final RevocationRule revocation;
    private final OrganizationPin pin;

    /** How the provider revokes a token fetched with this client. */
    @FunctionalInterface
    interface RevocationRule {
        Revocation of(TokenRequest.Client client);
    }

    /**
     * @param apiBaseUrl the API base URL to publish with the token, or null
     * @param pin the org check; only Genesys Cloud can look the org up, so only it passes an active one
     */
    ClientCredentialsLogin(CredentialPlace place, URI tokenUri, String apiBaseUrl, ClientAuthentication authentication,
            ProviderOptions options, String notFoundHint, RevocationRule revocation, OrganizationPin pin) {
        super(place, tokenUri);
        this.revocation = revocation;
        this.pin = pin;
        this.apiBaseUrl = apiBaseUrl;
        this.authentication = authentication;
        this.scopes = options.scopes;
        this.extraParameters = options.extraParameters;
        this.notFoundHint = notFoundHint;
    }

    /** The API base URL published with the token, or null. */
    String apiBaseUrl() {
        return apiBaseUrl;
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
        ClientCredentials found = credentials.get(0);
        TokenRequest.Client requester = new TokenRequest.Client(found.clientId(), found.credential(), authentication,
                tokenUri.toString());
        TokenRequest request = TokenRequest.clientCredentials(tokenUri, requester, scopes, extraParameters);
        AccessToken token;
        try {
            token = client.requestToken(request, Endpoints.TOKEN_URL_ADVICE, deadline).withApiBaseUrl(apiBaseUrl);
        } catch (TokenRefusal refusal) {
            throw new TokenRequestRejectedException(refusal.getMessage() + " "
                    + RefusalHints.hintFor(refusal, found, notFoundHint));
        }
        Fetched fetched = new Fetched(token, null, null).revokedBy(revocation.of(requester));
        if (!pin.active()) {
            return fetched;
        }
        Organization org;
        try {
            org = OrganizationPin.genesys(apiBaseUrl, token, client, deadline);
        } catch (CxTokenException e) {
            fetched.revocation().revoke(token.value(), client, client.newDeadline());
            throw e;
        }
        pin.check("Genesys Cloud", org, token, fetched.revocation(), client);
        return fetched.checkedAgainst(org);
    }
}
