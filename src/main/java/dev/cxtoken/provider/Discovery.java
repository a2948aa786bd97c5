package dev.cxtoken.provider;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.cxtoken.CxTokenException;
import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.TokenEndpointException;
import dev.cxtoken.TokenRequestRejectedException;
import dev.cxtoken.Urls;
import dev.cxtoken.http.Deadline;
import dev.cxtoken.http.HttpAnswer;
import dev.cxtoken.http.HttpCall;
import dev.cxtoken.oauth.ClientAuthentication;
import dev.cxtoken.oauth.JsonFields;
import dev.cxtoken.oauth.OAuthClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * An issuer's metadata document (RFC 8414, OpenID Connect Discovery 1.0): where its token and revocation endpoints are
 * and which client authentication methods it lists. Read once per build through the build-wide memo, and checked
 * before any credential is sent: the document must name the configured issuer, and its URLs must be https.
 */
final class Discovery {
    private final URI document;
    private final URI tokenEndpoint;
    private final List<String> methods;
    private final URI revocationEndpoint;

    private Discovery(URI document, URI tokenEndpoint, List<String> methods, URI revocationEndpoint) {
        this.document = document;
        this.tokenEndpoint = tokenEndpoint;
        this.methods = methods;
        this.revocationEndpoint = revocationEndpoint;
    }

    /** Where a generic OAuth 2.0 server's metadata may be: RFC 8414 §3.1 first, then OpenID Connect Discovery §4. */
    static List<URI> oauthDocuments(URI issuer) {
        String path = issuer.getRawPath() == null ? "" : issuer.getRawPath();
        String origin = issuer.getScheme() + "://" + issuer.getRawAuthority();
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return Arrays.asList(URI.create(origin + "/.well-known/oauth-authorization-server" + trimmed),
                URI.create(origin + trimmed + "/.well-known/openid-configuration"));
    }

    /**
     * Reads the first of {@code documents} that the server serves, remembered for the build.
     *
     * @param exactIssuer whether the document's issuer must equal {@code issuer} character for character (RFC 8414
     *     §3.3); otherwise trailing slashes are ignored
     * @param advice what to check when the document is wrong, without a final full stop
     */
    static Discovery read(OAuthClient client, String issuer, List<URI> documents, boolean exactIssuer, String advice,
            DocumentMemo memo, Deadline deadline) throws CxTokenException {
        String[] lines = memo.remember("discovery\n" + issuer + "\n" + documents,
                () -> fetch(client, issuer, documents, exactIssuer, new HttpCall.Words(documents.size() == 1
                        ? "OpenID discovery request" : "Discovery request", "discovery document",
                        "discovery document", advice), deadline)).split("\n", -1);
        List<String> methods = lines[2].isEmpty() ? Collections.<String>emptyList() : Arrays.asList(lines[2].split(" "));
        return new Discovery(URI.create(lines[0]), URI.create(lines[1]), methods,
                lines[3].isEmpty() ? null : URI.create(lines[3]));
    }

    URI document() {
        return document;
    }

    URI tokenEndpoint() {
        return tokenEndpoint;
    }

    /** The revocation endpoint, or null when the document names none. */
    URI revocationEndpoint() {
        return revocationEndpoint;
    }

    /**
     * Refuses a method the server does not list, before anything is sent. A document that lists none says nothing
     * either way, so then the server's answer decides.
     */
    void requireMethod(ClientAuthentication method, String whose, String otherAdvice)
            throws InvalidConfigurationException {
        if (!methods.isEmpty() && !methods.contains(method.standardName())) {
            throw new InvalidConfigurationException("The " + whose + " discovery document at " + document + " lists"
                    + " the client authentication methods " + methods + " (token_endpoint_auth_methods_supported),"
                    + " not " + method.standardName() + ", which clientAuth (cxtoken.clientAuth) '" + method.id()
                    + "' sends. " + otherAdvice + " Nothing was sent.");
        }
    }

    private static String fetch(OAuthClient client, String issuer, List<URI> documents, boolean exactIssuer,
            HttpCall.Words words, Deadline deadline) throws CxTokenException {
        String advice = words.targetAdvice();
        List<String> tried = new ArrayList<>();
        for (URI document : documents) {
            HttpAnswer answer = client.send(HttpCall.get(words, document, Collections.<String>emptyList()), deadline);
            if (answer.isSuccess()) {
                return check(answer.requireJsonObject(), document, issuer, exactIssuer, advice);
            }
            tried.add(document + (documents.size() == 1 ? " was rejected: " : " answered ") + answer.describe());
        }
        throw new TokenRequestRejectedException((documents.size() == 1 ? words.action() + " to " + tried.get(0)
                : "No metadata document for the issuer " + issuer + ": " + String.join("; ", tried)) + ". " + advice
                + ".");
    }

    private static String check(JsonObject json, URI document, String issuer, boolean exactIssuer, String advice)
            throws CxTokenException {
        String named = JsonFields.string(json, "issuer");
        boolean same = named != null && (exactIssuer ? named.equals(issuer)
                : Urls.withoutTrailingSlashes(named).equals(Urls.withoutTrailingSlashes(issuer)));
        if (named != null && !same || named == null && exactIssuer) {
            throw new TokenEndpointException("The discovery document at " + document + " names the issuer "
                    + (named == null ? "(none)" : "'" + named + "'") + ", not " + issuer + ", so it does not describe"
                    + " the configured issuer" + (exactIssuer ? " (they must be equal, character for character, RFC"
                    + " 8414 §3.3)" : "") + ". Nothing was sent. " + advice + ".");
        }
        String tokenEndpoint = JsonFields.string(json, "token_endpoint");
        if (tokenEndpoint == null) {
            throw new TokenEndpointException("The discovery document at " + document + " has no token_endpoint;"
                    + " its fields are " + json.keySet() + ". " + advice + ".");
        }
        String revocation = JsonFields.string(json, "revocation_endpoint");
        try {
            // The endpoints the build sends to, whatever their scheme; then every other URL the document names.
            Urls.checkedFromServer(tokenEndpoint, "The token_endpoint", document, "https://auth.example.com/token");
            if (revocation != null) {
                Urls.checkedFromServer(revocation, "The revocation_endpoint", document,
                        "https://auth.example.com/revoke");
            }
            for (Map.Entry<String, JsonElement> field : json.entrySet()) {
                JsonElement value = field.getValue();
                if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
                        && value.getAsString().matches("(?i)https?://.*")) {
                    Urls.checkedFromServer(value.getAsString(), "The " + field.getKey(), document,
                            "https://auth.example.com/oauth2/token");
                }
            }
        } catch (InvalidConfigurationException e) {
            throw new InvalidConfigurationException(e.getMessage() + " Nothing was sent. " + advice + ".");
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
        return document + "\n" + tokenEndpoint + "\n" + String.join(" ", methods) + "\n"
                + (revocation == null ? "" : revocation);
    }
}
