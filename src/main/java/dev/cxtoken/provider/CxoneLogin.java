package dev.cxtoken.provider;

import com.google.gson.JsonObject;
import dev.cxtoken.CxTokenException;
import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.TokenEndpointException;
import dev.cxtoken.TokenRequestRejectedException;
import dev.cxtoken.Urls;
import dev.cxtoken.credentials.ClientCredentials;
import dev.cxtoken.credentials.CredentialPlace;
import dev.cxtoken.http.Deadline;
import dev.cxtoken.http.HttpCall;
import dev.cxtoken.oauth.AccessToken;
import dev.cxtoken.oauth.ClientAuthentication;
import dev.cxtoken.oauth.JsonFields;
import dev.cxtoken.oauth.OAuthClient;
import dev.cxtoken.oauth.TokenRefusal;
import dev.cxtoken.oauth.TokenRequest;
import com.google.gson.JsonElement;
import java.net.URI;
import java.util.ArrayList;
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

    CxoneLogin(List<CredentialPlace> places, URI issuer, URI configuredTokenUri, ClientAuthentication authentication,
            ProviderOptions options) {
        this.places = places;
        this.issuer = issuer;
        this.configuredTokenUri = configuredTokenUri;
        this.authentication = authentication;
        this.scopes = options.scopes;
        this.extraParameters = options.extraParameters;
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
        URI tokenUri = configuredTokenUri != null ? configuredTokenUri : discover(client, memo, deadline);
        TokenRequest request = TokenRequest.password(tokenUri,
                new TokenRequest.Client(application.clientId(), application.secret(), authentication),
                accessKey.clientId(), accessKey.secret(), scopes, extraParameters);
        AccessToken token;
        try {
            token = client.requestToken(request, DISCOVERY_ADVICE, deadline);
        } catch (TokenRefusal refusal) {
            throw new TokenRequestRejectedException(refusal.getMessage() + " " + hint(refusal, application,
                    accessKey));
        }
        try {
            String api = new CxoneTenant(client, CxoneTenant.configured(issuer))
                    .apiBaseUrl(token, tokenUri, credentials, deadline);
            return new Fetched(token.withApiBaseUrl(api), null, "the tenant lookup");
        } catch (CxTokenException e) {
            return new Fetched(token, e.getMessage(), null);
        }
    }

    /**
     * The discovered token endpoint. When the document lists the client authentication methods it takes, the
     * configured one must be among them, so that no secret is sent in a way the server would refuse.
     */
    private URI discover(OAuthClient client, DocumentMemo memo, Deadline deadline) throws CxTokenException {
        URI document = URI.create(issuer + "/.well-known/openid-configuration");
        String[] found = memo.remember("openid-configuration\n" + issuer, () -> read(client, document, deadline))
                .split("\n", -1);
        List<String> methods = found[1].isEmpty() ? Collections.<String>emptyList()
                : Arrays.asList(found[1].split(" "));
        if (!methods.isEmpty() && !methods.contains(authentication.standardName())) {
            throw new InvalidConfigurationException("The CXone discovery document at " + document + " lists the"
                    + " client authentication methods " + methods + " (token_endpoint_auth_methods_supported), not "
                    + authentication.standardName() + ", which clientAuth (cxtoken.clientAuth) '"
                    + authentication.id() + "' sends. Set clientAuth to the method your application registration"
                    + " chose (" + (authentication.id().equals("post") ? "basic" : "post") + "?); nothing was sent.");
        }
        return URI.create(found[0]);
    }

    /** Fetches the discovery document: its token endpoint, and the methods it lists, one per line. */
    private String read(OAuthClient client, URI document, Deadline deadline) throws CxTokenException {
        JsonObject json = client.getJson(document, new HttpCall.Words("OpenID discovery request",
                "discovery document", "discovery document", DISCOVERY_ADVICE),
                Collections.<String>emptyList(), deadline);
        String named = JsonFields.string(json, "issuer");
        if (named != null && !Urls.withoutTrailingSlashes(named).equals(issuer.toString())) {
            throw new TokenEndpointException("The discovery document at " + document + " names the issuer '"
                    + named + "', not " + issuer + ", so it does not describe the configured issuer. "
                    + DISCOVERY_ADVICE + ".");
        }
        String tokenEndpoint = JsonFields.string(json, "token_endpoint");
        if (tokenEndpoint == null) {
            throw new TokenEndpointException("The discovery document at " + document + " has no token_endpoint;"
                    + " its fields are " + json.keySet() + ". " + DISCOVERY_ADVICE + ".");
        }
        String checked;
        try {
            checked = Urls.checkedFromServer(tokenEndpoint, "The token_endpoint", document,
                    "https://cxone.niceincontact.com/auth/token").toString();
        } catch (InvalidConfigurationException e) {
            throw new InvalidConfigurationException(e.getMessage() + " " + DISCOVERY_ADVICE + ".");
        }
        List<String> methods = new ArrayList<>();
        JsonElement listed = json.get("token_endpoint_auth_methods_supported");
        if (listed != null && listed.isJsonArray()) {
            for (JsonElement method : listed.getAsJsonArray()) {
                if (method.isJsonPrimitive() && method.getAsString().matches("[A-Za-z0-9_.:-]{1,64}")) {
                    methods.add(method.getAsString());
                }
            }
        }
        return checked + "\n" + String.join(" ", methods);
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
