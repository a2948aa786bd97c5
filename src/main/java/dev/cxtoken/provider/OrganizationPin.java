package dev.cxtoken.provider;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.cxtoken.CxTokenException;
import dev.cxtoken.Secret;
import dev.cxtoken.TokenEndpointException;
import dev.cxtoken.TokenRequestRejectedException;
import dev.cxtoken.http.Deadline;
import dev.cxtoken.http.HttpCall;
import dev.cxtoken.oauth.AccessToken;
import dev.cxtoken.oauth.JsonFields;
import dev.cxtoken.oauth.Jwt;
import dev.cxtoken.oauth.OAuthClient;
import java.net.URI;
import java.util.Collections;
import java.util.Optional;

/**
 * expectedOrganization: finds which org a token just fetched belongs to and refuses it, revoked at once, when that is
 * not the expected one. Runs inside the fetch, so a refused token is never cached, written or published.
 */
final class OrganizationPin {
    static final String WHERE = "expectedOrganization (property cxtoken.expectedOrganization)";

    private final String expected;

    /** @param expected the configured org, or null when none is pinned */
    OrganizationPin(String expected) {
        this.expected = expected;
    }

    boolean active() {
        return expected != null;
    }

    /** Genesys Cloud: {@code GET /api/v2/tokens/me} names the org and the OAuth client. */
    static Organization genesys(String apiBaseUrl, AccessToken token, OAuthClient client, Deadline deadline)
            throws CxTokenException {
        URI uri = URI.create(apiBaseUrl + "/api/v2/tokens/me");
        String advice = "Check that the API base URL " + apiBaseUrl + " serves the Genesys Cloud platform API, or"
                + " remove " + WHERE;
        JsonObject json = client.getJson(uri, new HttpCall.Words("Token identity lookup", "token identity",
                "token identity", advice), Secret.of("Bearer " + token.value().reveal()),
                Collections.singletonList(token.value().reveal()), deadline);
        JsonObject org = object(json, "organization");
        String id = org == null ? null : JsonFields.string(org, "id");
        if (id == null) {
            throw new TokenEndpointException("The answer from " + uri + " names no organization.id, so the org of"
                    + " the token cannot be checked; its fields are " + json.keySet() + ". " + advice + ".");
        }
        JsonObject oauthClient = object(json, "OAuthClient");
        String clientName = oauthClient == null ? null : JsonFields.string(oauthClient, "name");
        String clientId = oauthClient == null ? null : JsonFields.string(oauthClient, "id");
        return new Organization(id, JsonFields.string(org, "name"),
                clientName != null ? clientName : clientId != null ? clientId : "(not named)");
    }

    /** CXone: the id_token's {@code tenantId}; the client is the application's (or access key's) id. */
    static Organization cxone(AccessToken token, String clientId) throws CxTokenException {
        Optional<JsonObject> claims = token.idToken() == null ? Optional.<JsonObject>empty()
                : Jwt.claims(token.idToken().reveal());
        String tenant = claims.isPresent() ? JsonFields.string(claims.get(), "tenantId") : null;
        if (tenant == null) {
            throw new TokenEndpointException("The CXone token response has no id_token with a tenantId claim, so"
                    + " the tenant of the token cannot be checked against " + WHERE + ". Remove"
                    + " expectedOrganization, or use a login whose answer names the tenant.");
        }
        return new Organization(tenant, null, clientId);
    }

    /**
     * Refuses a token of another org: revokes it at once and throws, naming both orgs and the client.
     *
     * @param title the provider's title, for the message
     */
    void check(String title, Organization actual, AccessToken token, Revocation revocation, OAuthClient client)
            throws TokenRequestRejectedException {
        if (actual.matches(expected)) {
            return;
        }
        Revocation.Outcome revoked = revocation.revoke(token.value(), client, client.newDeadline());
        throw new TokenRequestRejectedException("The token belongs to the " + title + " org " + actual.describe()
                + ", not to the expected '" + expected.trim() + "' (" + WHERE + "); the OAuth client is '"
                + actual.client() + "'. " + (revoked.done() ? "The token was revoked at once"
                : "The token could not be revoked (" + revoked.detail() + "); it stays valid until "
                + token.expiresAt()) + ", and nothing was published. Check that this build uses the credentials of"
                + " the intended org (serverId, or the client variables), or correct expectedOrganization.");
    }

    private static JsonObject object(JsonObject json, String name) {
        JsonElement element = json.get(name);
        return element != null && element.isJsonObject() ? element.getAsJsonObject() : null;
    }
}
