package dev.cxtoken.provider;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.cxtoken.CxTokenException;
import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.Secret;
import dev.cxtoken.TokenRequestRejectedException;
import dev.cxtoken.Urls;
import dev.cxtoken.credentials.ClientCredentials;
import dev.cxtoken.credentials.CredentialPlace;
import dev.cxtoken.http.Deadline;
import dev.cxtoken.http.HttpCall;
import dev.cxtoken.oauth.ClientAuthentications;
import dev.cxtoken.oauth.OAuthClient;
import dev.cxtoken.oauth.TokenAnswer;
import dev.cxtoken.oauth.TokenRefusal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * NICE CXone's access-key login, which needs no registered application: {@code POST
 * https://<area>.nice-incontact.com/authentication/v1/token/access-key} with the key as a JSON document, as NICE's
 * Data Extraction API page documents it. The API base URL comes from the tenant lookup when the id_token allows one,
 * else from the answer's {@code resource_server_base_uri}, else from the area.
 */
final class CxoneAccessKeyLogin extends SinglePlaceLogin {
    private static final String ADVICE = "Check environment (cxtoken.environment), the CXone area such as eu1, or"
            + " tokenUrl (cxtoken.tokenUrl)";
    private static final Gson GSON = new Gson();

    private final String area;
    private final OrganizationPin pin;

    /** @param area the configured area, or null when tokenUrl names the endpoint without one */
    CxoneAccessKeyLogin(CredentialPlace place, URI tokenUri, String area, String expectedOrganization) {
        super(place, tokenUri);
        this.area = area;
        this.pin = new OrganizationPin(expectedOrganization);
    }

    /** The endpoint: tokenUrl when set, else the one of the configured area. */
    static URI endpoint(ProviderOptions options) throws InvalidConfigurationException {
        if (options.tokenUrl != null) {
            return Endpoints.tokenUrl(options.tokenUrl);
        }
        if (options.environment == null) {
            throw new InvalidConfigurationException("The CXone access-key login needs the area: set environment"
                    + " (property cxtoken.environment) to one of " + String.join(", ", CxoneAreas.AREAS)
                    + " (the area in your CXone URL), or tokenUrl (cxtoken.tokenUrl) to the token API.");
        }
        return URI.create(CxoneAreas.tokenUrl(CxoneAreas.parse(options.environment)));
    }

    @Override
    public String grantType() {
        return "access-key";
    }

    @Override
    public String clientAuthentication() {
        return "none";
    }

    @Override
    public String name() {
        return "access-key login";
    }

    @Override
    public Fetched fetch(List<ClientCredentials> credentials, OAuthClient client, DocumentMemo memo,
            Deadline deadline) throws CxTokenException {
        ClientCredentials key = credentials.get(0);
        JsonObject body = new JsonObject();
        body.addProperty("accessKeyId", key.clientId());
        body.addProperty("accessKeySecret", key.secret().reveal());
        HttpCall call = HttpCall.postJson(new HttpCall.Words("Token request", "token", "token response", ADVICE),
                tokenUri, Secret.of(GSON.toJson(body)), secretForms(key.secret()));
        TokenAnswer answer;
        try {
            answer = client.requestToken(call, "access-key", Collections.singletonList("resource_server_base_uri"),
                    deadline);
        } catch (TokenRefusal refusal) {
            throw new TokenRequestRejectedException(refusal.getMessage() + " " + hint(refusal, key));
        }
        Revocation revocation = Revocation.unavailable("NICE documents no revocation for the access-key login");
        Fetched fetched = apiBaseUrl(answer, credentials, client, deadline).revokedBy(revocation);
        if (!pin.active()) {
            return fetched;
        }
        Organization org = OrganizationPin.cxone(answer.token(), key.abbreviatedClientId());
        pin.check("NICE CXone", org, answer.token(), revocation, client);
        return fetched.checkedAgainst(org);
    }

    /** The secret as it travels here (JSON-escaped, by Gson's rules) and as a server might echo it. */
    private static List<String> secretForms(Secret secret) {
        List<String> forms = new ArrayList<>();
        forms.add(secret.reveal());
        String json = GSON.toJson(secret.reveal());
        forms.add(json.substring(1, json.length() - 1));
        forms.add(ClientAuthentications.formEncode(secret.reveal()));
        return forms;
    }

    /** The three sources in order, and which one gave the URL. */
    private Fetched apiBaseUrl(TokenAnswer answer, List<ClientCredentials> credentials, OAuthClient client,
            Deadline deadline) {
        String lookupProblem;
        try {
            String api = new CxoneTenant(client, CxoneTenant.niceOrOrigin(tokenUri))
                    .apiBaseUrl(answer.token(), tokenUri, credentials, deadline);
            return new Fetched(answer.token().withApiBaseUrl(api), null, "the tenant lookup");
        } catch (CxTokenException e) {
            lookupProblem = e.getMessage();
        }
        String named = answer.field("resource_server_base_uri");
        if (named != null) {
            try {
                String api = Urls.checkedFromServer(Urls.withoutTrailingSlashes(named), "The resource_server_base_uri",
                        tokenUri, "https://api-na1.niceincontact.com").toString();
                return new Fetched(answer.token().withApiBaseUrl(api), null,
                        "the token answer's resource_server_base_uri (no tenant lookup: " + lookupProblem + ")");
            } catch (InvalidConfigurationException e) {
                lookupProblem = lookupProblem + " " + e.getMessage();
            }
        }
        if (area != null) {
            String api = CxoneAreas.apiBaseUrl(area);
            return new Fetched(answer.token().withApiBaseUrl(api), null,
                    "the area " + area + " (no tenant lookup: " + lookupProblem + ")");
        }
        return new Fetched(answer.token(), lookupProblem, null);
    }

    private String hint(TokenRefusal refusal, ClientCredentials key) {
        String where = "Check the access key id and secret (read from " + key.source() + "); they are configured in "
                + place.describe() + ". Create a key under User > My Profile > Access Keys, or Employees >"
                + " (employee) > Access Keys; for CI, use a dedicated employee profile whose role has only the"
                + " permissions the build needs.";
        if (refusal.status() == 400 || refusal.status() == 401 || refusal.status() == 403
                || refusal.error().equals("invalid_grant") || refusal.error().equals("invalid_client")) {
            return "CXone did not accept the access key. " + where + " The key may also have been deactivated or"
                    + " deleted, or its employee deactivated.";
        }
        if (refusal.status() == 404 || refusal.status() == 405) {
            return "There is no access-key token API at this URL. " + ADVICE + ".";
        }
        return where;
    }
}
