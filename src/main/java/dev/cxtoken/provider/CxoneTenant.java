package dev.cxtoken.provider;

import com.google.gson.JsonObject;
import dev.cxtoken.CxTokenException;
import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.TokenEndpointException;
import dev.cxtoken.Urls;
import dev.cxtoken.credentials.ClientCredentials;
import dev.cxtoken.http.Deadline;
import dev.cxtoken.http.HttpCall;
import dev.cxtoken.oauth.AccessToken;
import dev.cxtoken.oauth.ClientAuthentications;
import dev.cxtoken.oauth.JsonFields;
import dev.cxtoken.oauth.Jwt;
import dev.cxtoken.oauth.OAuthClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a CXone tenant's API base URL: the id_token names the tenant and its issuer, and the issuer's
 * cxone-configuration document names the API endpoint. The id_token's signature is not checked, so its issuer must be
 * the one the build configured (or discovered): otherwise whoever could shape the token could choose where the build
 * sends it.
 */
final class CxoneTenant {
    private static final String ADVICE = "The issuer named in the id_token should serve"
            + " /.well-known/cxone-configuration; if this persists, give the build the API base URL another way";

    private final OAuthClient client;
    private final URI issuer;

    CxoneTenant(OAuthClient client, URI issuer) {
        this.client = client;
        this.issuer = issuer;
    }

    String apiBaseUrl(AccessToken token, URI tokenUri, List<ClientCredentials> credentials, Deadline deadline)
            throws CxTokenException {
        String from = "The token response from " + Urls.hostForDisplay(tokenUri);
        if (token.idToken() == null) {
            throw new TokenEndpointException(from + " has no id_token, which is where CXone names the tenant.");
        }
        Optional<JsonObject> claims = Jwt.claims(token.idToken().reveal());
        if (!claims.isPresent()) {
            throw new TokenEndpointException(from + " has an id_token that is not a readable JWT.");
        }
        String tenantId = JsonFields.string(claims.get(), "tenantId");
        String iss = JsonFields.string(claims.get(), "iss");
        if (tenantId == null || iss == null) {
            throw new TokenEndpointException(from + " has an id_token without the " + (tenantId == null ? "tenantId"
                    : "iss") + " claim; its claims are " + claims.get().keySet() + ".");
        }
        if (!Urls.withoutTrailingSlashes(iss).equals(issuer.toString())) {
            throw new TokenEndpointException(from + " has an id_token issued by '" + Urls.withoutUserInfo(iss)
                    + "', not by the configured issuer " + issuer + ", so its tenant is not looked up there. Set"
                    + " environment (cxtoken.environment) to the issuer your tenant uses.");
        }
        URI lookup = URI.create(issuer + "/.well-known/cxone-configuration?tenantId="
                + ClientAuthentications.formEncode(tenantId));
        List<String> secrets = new ArrayList<>();
        for (ClientCredentials pair : credentials) {
            secrets.add(pair.secret().reveal());
            secrets.add(ClientAuthentications.formEncode(pair.secret().reveal()));
        }
        secrets.add(token.value().reveal());
        secrets.add(token.idToken().reveal());
        JsonObject json = client.getJson(lookup, new HttpCall.Words("CXone configuration lookup",
                "CXone configuration document", "CXone configuration document", ADVICE), secrets, deadline);
        String apiEndpoint = JsonFields.string(json, "api_endpoint");
        if (apiEndpoint == null) {
            throw new TokenEndpointException("The answer from " + lookup + " has no api_endpoint; its fields are "
                    + json.keySet() + ".");
        }
        // The build will send the token there, so the same rule as for every other URL applies.
        try {
            return Urls.checkedFromServer(Urls.withoutTrailingSlashes(apiEndpoint), "The api_endpoint", lookup,
                    "https://api-na1.niceincontact.com").toString();
        } catch (InvalidConfigurationException e) {
            throw new TokenEndpointException(e.getMessage());
        }
    }
}
