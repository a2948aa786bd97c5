package dev.cxtoken.provider;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.TokenRequestRejectedException;
import dev.cxtoken.Urls;
import dev.cxtoken.credentials.ClientCredentials;
import dev.cxtoken.credentials.CredentialPlace;
import dev.cxtoken.http.Deadline;
import dev.cxtoken.oauth.AccessToken;
import dev.cxtoken.oauth.ClientAuthentication;
import dev.cxtoken.oauth.OAuthClient;
import dev.cxtoken.oauth.TokenRefusal;
import dev.cxtoken.oauth.TokenRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Logs a back end in to NICE CXone: reads the token endpoint from the issuer's OpenID discovery document (once per
 * build), sends the password grant with the access key, then finds the tenant's API base URL (see
 * {@link CxoneTenant}). That last lookup only adds the API base URL: when it fails, the token is still good.
 */
final class CxoneLogin implements Login {
    static final String DISCOVERY_ADVICE = "Check environment (cxtoken.environment): it must name the CXone"
            + " issuer, such as cxone.niceincontact.com; or set tokenUrl (cxtoken.tokenUrl) to the token endpoint";

    private final List<CredentialPlace> places;
    private final URI issuer;
    private final URI configuredTokenUri;
    private final ClientAuthentication authentication;
    private final List<String> scopes;
    private final Map<String, String> extraParameters;
    private final OrganizationPin pin;

    CxoneLogin(List<CredentialPlace> places, URI issuer, URI configuredTokenUri, ClientAuthentication authentication,
            ProviderOptions options) {
        this.places = places;
        this.issuer = issuer;
        this.configuredTokenUri = configuredTokenUri;
        this.authentication = authentication;
        this.scopes = options.scopes;
        this.extraParameters = options.extraParameters;
        this.pin = new OrganizationPin(options.expectedOrganization);
    }

    @Override
    public List<CredentialPlace> places() {
        return places;
    }

    @Override
    public String endpointIdentity() {
        return configuredTokenUri != null ? configuredTokenUri.toString() : "issuer " + issuer;
    }

    @Override
    public String endpointDerivation() {
        return configuredTokenUri != null ? "tokenUrl (cxtoken.tokenUrl)" : "the discovery document " + issuer
                + "/.well-known/openid-configuration, read when the goal runs";
    }

    @Override
    public String hostForDisplay() {
        return Urls.hostForDisplay(configuredTokenUri != null ? configuredTokenUri : issuer);
    }

    @Override
    public String grantType() {
        return "password";
    }

    @Override
    public String name() {
        return "application login";
    }

    @Override
    public String clientAuthentication() {
        return authentication.toString();
    }

    @Override
    public Fetched fetch(List<ClientCredentials> credentials, OAuthClient client, DocumentMemo memo,
            Deadline deadline) throws CxTokenException {
        ClientCredentials application = credentials.get(0);
        ClientCredentials accessKey = credentials.get(1);
        Discovery discovered = configuredTokenUri != null ? null : discover(client, memo, deadline);
        URI tokenUri = discovered == null ? configuredTokenUri : discovered.tokenEndpoint();
        TokenRequest.Client requester = new TokenRequest.Client(application.clientId(), application.secret(),
                authentication, tokenUri.toString());
        TokenRequest request = TokenRequest.password(tokenUri, requester, accessKey.clientId(), accessKey.secret(),
                scopes, extraParameters);
        AccessToken token;
        try {
            token = client.requestToken(request, DISCOVERY_ADVICE, deadline);
        } catch (TokenRefusal refusal) {
            throw new TokenRequestRejectedException(refusal.getMessage() + " " + hint(refusal, application,
                    accessKey));
        }
        Revocation revocation = revocation(discovered, requester);
        if (pin.active()) {
            Organization org;
            try {
                org = OrganizationPin.cxone(token, application.abbreviatedClientId());
            } catch (CxTokenException e) {
                revocation.revoke(token.value(), client, client.newDeadline());
                throw e;
            }
            pin.check("NICE CXone", org, token, revocation, client);
            return tenant(token, tokenUri, credentials, client, deadline).revokedBy(revocation).checkedAgainst(org);
        }
        return tenant(token, tokenUri, credentials, client, deadline).revokedBy(revocation);
    }

    private Fetched tenant(AccessToken token, URI tokenUri, List<ClientCredentials> credentials, OAuthClient client,
            Deadline deadline) {
        try {
            String api = new CxoneTenant(client, CxoneTenant.configured(issuer))
                    .apiBaseUrl(token, tokenUri, credentials, deadline);
            return new Fetched(token.withApiBaseUrl(api), null, "the tenant lookup");
        } catch (CxTokenException e) {
            return new Fetched(token, e.getMessage(), null);
        }
    }

    /** RFC 7009 at the discovery document's revocation_endpoint, when it names one. */
    private Revocation revocation(Discovery discovered, TokenRequest.Client requester) {
        if (discovered == null) {
            return Revocation.unavailable("tokenUrl (cxtoken.tokenUrl) is set, so the discovery document that"
                    + " would name a revocation_endpoint is not read");
        }
        if (discovered.revocationEndpoint() == null) {
            return Revocation.unavailable("the discovery document of " + issuer + " names no revocation_endpoint");
        }
        return Revocation.rfc7009(discovered.revocationEndpoint(), requester, DISCOVERY_ADVICE);
    }

    /**
     * The discovery document. When it lists the client authentication methods it takes, the configured one must be
     * among them, so that no secret is sent in a way the server would refuse.
     */
    private Discovery discover(OAuthClient client, DocumentMemo memo, Deadline deadline) throws CxTokenException {
        Discovery found = Discovery.read(client, issuer.toString(),
                Collections.singletonList(URI.create(issuer + "/.well-known/openid-configuration")), false,
                DISCOVERY_ADVICE, memo, deadline);
        found.requireMethod(authentication, "CXone", "Set clientAuth to the method your application registration"
                + " chose (" + (authentication.id().equals("post") ? "basic" : "post") + "?).");
        return found;
    }

    /**
     * CXone checks two pairs: the registered application (Basic header) and the access key (username and password).
     * The hint says which one the error points at and where that pair is configured.
     */
    private String hint(TokenRefusal refusal, ClientCredentials application, ClientCredentials accessKey) {
        String key = "Check the access key id and secret (read from " + accessKey.source()
                + "); they are configured in " + places.get(1).describe() + ".";
        String app = "Check the application's client id and secret (read from " + application.source()
                + "); they are configured in " + places.get(0).describe() + ".";
        switch (refusal.error()) {
            case "invalid_grant":
                return "CXone did not accept the access key. " + key + " The key may also have been deactivated"
                        + " or deleted, or its user deactivated; create a new one under the user's Access Keys.";
            case "invalid_client":
                return "CXone did not accept the registered application. " + app + " These are the"
                        + " application registration's values, not the access key's. They were sent as "
                        + authentication.standardName() + " (clientAuth " + authentication.id() + "); if the"
                        + " registration chose " + (authentication.id().equals("post") ? "client_secret_basic, set"
                        + " clientAuth (cxtoken.clientAuth) to basic" : "client_secret_post, set clientAuth"
                        + " (cxtoken.clientAuth) to post") + ".";
            case "unauthorized_client":
            case "unsupported_grant_type":
                return "CXone refused the password grant for this application. Check that the application is"
                        + " registered as a back-end application. " + app;
            default:
                break;
        }
        if (refusal.status() == 401 || refusal.status() == 403) {
            return "CXone did not accept the credentials, without saying which pair. " + app + " " + key;
        }
        return RefusalHints.hintFor(refusal, application, "There is no token endpoint at this URL. Check"
                + " environment (cxtoken.environment), which names the CXone issuer such as cxone.niceincontact.com,"
                + " or tokenUrl (cxtoken.tokenUrl).");
    }
}
