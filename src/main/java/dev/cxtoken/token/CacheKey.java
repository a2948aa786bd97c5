package dev.cxtoken.token;

import dev.cxtoken.credentials.ClientCredentials;
import dev.cxtoken.provider.Login;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Identifies requests that may share a token: endpoint (or, before discovery, issuer), grant, client authentication,
 * each pair's id and a fingerprint of its credential (a secret's or a key's SHA-256, a CI token's issuer and
 * subject), scopes, extra parameters and the pinned org. Holds no secret. Every part is written with its length first,
 * so no choice of values can make two different requests spell the same key.
 */
final class CacheKey {
    private CacheKey() {}

    static String of(Login login, List<ClientCredentials> credentials, List<String> scopes,
            Map<String, String> extraParameters, String expectedOrganization) {
        StringBuilder key = new StringBuilder();
        part(key, login.endpointIdentity());
        part(key, login.grantType());
        part(key, login.clientAuthentication());
        for (ClientCredentials pair : credentials) {
            part(key, pair.clientId());
            part(key, pair.credential().fingerprint());
        }
        key.append("scopes");
        for (String scope : scopes) {
            part(key, scope);
        }
        key.append("parameters");
        for (Map.Entry<String, String> parameter : new TreeMap<>(extraParameters).entrySet()) {
            part(key, parameter.getKey());
            part(key, parameter.getValue());
        }
        // A token checked against one org is no proof for another.
        key.append("organization");
        part(key, expectedOrganization);
        return key.toString();
    }

    private static void part(StringBuilder key, String value) {
        String text = value == null ? "" : value;
        key.append(text.length()).append(':').append(text).append(';');
    }
}
