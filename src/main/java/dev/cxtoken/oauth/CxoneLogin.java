package dev.cxtoken.oauth;

import com.google.gson.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Logs a back end in to NICE CXone: reads the token endpoint from the issuer's OpenID discovery document (once per
 * build), sends the password grant with the access key, then finds the tenant's API base URL through the id_token and
 * the issuer's cxone-configuration document. That last lookup only adds the API base URL: when it fails, the token is
 * still good, so a warning says why and the build goes on.
 */
final class CxoneLogin {
    private static final String DISCOVERY_ADVICE = "Check environment (cxtoken.environment): it must name the CXone"
            + " issuer, such as cxone.niceincontact.com; or set tokenUrl (cxtoken.tokenUrl) to the token endpoint";
    private static final String TENANT_LOOKUP_ADVICE = "The issuer named in the id_token should serve"
            + " /.well-known/cxone-configuration; if this persists, give the build the API base URL another way";

    private final TokenEndpointClient client;
    private final BuildTokenCache cache;
    private final TokenLog log;

    CxoneLogin(TokenEndpointClient client, BuildTokenCache cache, TokenLog log) {
        this.client = client;
        this.cache = cache;
        this.log = log;
    }

    AccessToken fetch(FetchConfiguration config, ClientCredentials application, ClientCredentials accessKey)
            throws CxTokenException {
        Instant deadline = client.newDeadline();
        TokenEndpoint endpoint = config.endpoint();
        if (endpoint.needsDiscovery()) {
            endpoint = endpoint.discovered(discoverTokenEndpoint(endpoint.issuer(), deadline));
        }
        TokenRequest request = TokenRequest.cxoneAccessKey(config, endpoint, application, accessKey);
        AccessToken token = client.fetch(request, deadline);
        return token.withApiBaseUrl(tenantApiBaseUrl(token, request, deadline, config.tokenProperty()));
    }

    private URI discoverTokenEndpoint(URI issuer, Instant deadline) throws CxTokenException {
        URI document = URI.create(issuer + "/.well-known/openid-configuration");
        String found = cache.remember("discovery\n" + issuer, () -> {
            JsonObject json = client.getJson(document, "OpenID discovery request", "discovery document",
                    DISCOVERY_ADVICE, Collections.<String>emptyList(), deadline);
            String tokenEndpoint = TokenResponseParser.stringField(json, "token_endpoint");
            if (tokenEndpoint == null) {
                throw new TokenEndpointException("The discovery document at " + document + " has no token_endpoint;"
                        + " its fields are " + json.keySet() + ". " + DISCOVERY_ADVICE + ".");
            }
            try {
                return TokenEndpoint.checkedUrl(tokenEndpoint, "The token_endpoint",
                        " (named by the discovery document at " + document + ")",
                        "https://cxone.niceincontact.com/auth/token").toString();
            } catch (InvalidConfigurationException e) {
                throw new InvalidConfigurationException(e.getMessage() + " " + DISCOVERY_ADVICE + ".");
            }
        });
        return URI.create(found);
    }

    /** The tenant's API base URL, or null after a warning that says why there is none. */
    private String tenantApiBaseUrl(AccessToken token, TokenRequest request, Instant deadline, String property) {
        try {
            return lookUpTenantApi(token, request, deadline);
        } catch (CxTokenException e) {
            log.warn("Could not find the CXone API base URL. " + e.getMessage() + " The token is published as ${"
                    + property + "}, but ${" + property + ".apiBaseUrl} is not set.");
            return null;
        }
    }

    private String lookUpTenantApi(AccessToken token, TokenRequest request, Instant deadline)
            throws CxTokenException {
        String from = "The token response from " + request.endpoint().hostForDisplay();
        if (token.idToken() == null) {
            throw new TokenEndpointException(from + " has no id_token, which is where CXone names the tenant.");
        }
        Optional<JsonObject> claims = TokenResponseParser.jwtClaims(token.idToken().reveal());
        if (!claims.isPresent()) {
            throw new TokenEndpointException(from + " has an id_token that is not a readable JWT.");
        }
        String tenantId = TokenResponseParser.stringField(claims.get(), "tenantId");
        String iss = TokenResponseParser.stringField(claims.get(), "iss");
        if (tenantId == null || iss == null) {
            throw new TokenEndpointException(from + " has an id_token without the " + (tenantId == null ? "tenantId"
                    : "iss") + " claim; its claims are " + claims.get().keySet() + ".");
        }
        URI issuer = checked(TokenEndpoint.withoutTrailingSlashes(iss), "The id_token's issuer (iss)");
        if (issuer.getRawQuery() != null) {
            throw new TokenEndpointException("The id_token's issuer (iss) '" + iss + "' has a query, so no"
                    + " configuration URL can be formed from it.");
        }
        URI lookup = URI.create(issuer + "/.well-known/cxone-configuration?tenantId="
                + TokenRequest.formEncode(tenantId));
        List<String> secrets = new ArrayList<>(request.secretForms());
        secrets.add(token.value().reveal());
        secrets.add(token.idToken().reveal());
        JsonObject json = client.getJson(lookup, "CXone configuration lookup", "CXone configuration document",
                TENANT_LOOKUP_ADVICE, secrets, deadline);
        String apiEndpoint = TokenResponseParser.stringField(json, "api_endpoint");
        if (apiEndpoint == null) {
            throw new TokenEndpointException("The answer from " + lookup + " has no api_endpoint; its fields are "
                    + json.keySet() + ".");
        }
        // The build will send the token there, so the same rule as for every other URL applies.
        return checked(TokenEndpoint.withoutTrailingSlashes(apiEndpoint), "The api_endpoint from " + lookup).toString();
    }

    private static URI checked(String url, String what) throws TokenEndpointException {
        try {
            return TokenEndpoint.checkedUrl(url, what, "", "https://cxone.niceincontact.com");
        } catch (InvalidConfigurationException e) {
            throw new TokenEndpointException(e.getMessage());
        }
    }
}
