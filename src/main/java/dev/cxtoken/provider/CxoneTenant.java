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
    private final IssuerRule rule;

    /** Which issuers an unverified id_token may name. */
    interface IssuerRule {
        /** The issuer to look the tenant up at, or null when {@code iss} is not acceptable. */
        URI accept(String iss);

        /** The accepted issuers, for the message when the token names another. */
        String describe();
    }

    CxoneTenant(OAuthClient client, IssuerRule rule) {
        this.client = client;
        this.rule = rule;
    }

    /** The application login's rule: the issuer the build configured, exactly. */
    static IssuerRule configured(URI issuer) {
        return new IssuerRule() {
            @Override
            public URI accept(String iss) {
                return Urls.withoutTrailingSlashes(iss).equals(issuer.toString()) ? issuer : null;
            }

            @Override
            public String describe() {
                return "the configured issuer " + issuer;
            }
        };
    }

    /**
     * The access-key login's rule, which has no configured issuer: one of NICE's own issuer hosts over https, or the
     * origin of the token endpoint the build itself chose.
     */
    static IssuerRule niceOrOrigin(URI tokenUri) {
        String origin = tokenUri.getScheme() + "://" + Urls.hostForDisplay(tokenUri);
        return new IssuerRule() {
            @Override
            public URI accept(String iss) {
                String value = Urls.withoutTrailingSlashes(iss);
                URI uri;
                try {
                    uri = new URI(value);
                } catch (java.net.URISyntaxException e) {
                    return null;
                }
                if (value.equalsIgnoreCase(origin)) {
                    return uri;
                }
                String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
                boolean nice = host.endsWith(".niceincontact.com") || host.equals("nicecxone-sov1.au")
                        || host.equals("nicecxone-sov1.eu");
                return nice && "https".equalsIgnoreCase(uri.getScheme()) && uri.getRawUserInfo() == null
                        && uri.getRawQuery() == null && uri.getRawFragment() == null ? uri : null;
            }

            @Override
            public String describe() {
                return "one of NICE's issuers (https://….niceincontact.com) or the token endpoint's origin " + origin;
            }
        };
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
        URI issuer = rule.accept(iss);
        if (issuer == null) {
            throw new TokenEndpointException(from + " has an id_token issued by '" + Urls.withoutUserInfo(iss)
                    + "', not by " + rule.describe() + ", so its tenant is not looked up there. Set"
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
