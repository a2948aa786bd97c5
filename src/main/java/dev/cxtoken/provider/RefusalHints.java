package dev.cxtoken.provider;

import com.google.gson.JsonObject;
import dev.cxtoken.credentials.ClientCredentials;
import dev.cxtoken.oauth.AssertionSource;
import dev.cxtoken.oauth.Jwt;
import dev.cxtoken.oauth.SigningKey;
import dev.cxtoken.oauth.TokenRefusal;
import java.util.Optional;

/** What to do about the usual refusals of a token endpoint, for servers that follow RFC 6749 §5.2. */
final class RefusalHints {
    private RefusalHints() {}

    /** @param notFound what to say when there is no token endpoint at the URL (404, 405) */
    static String hintFor(TokenRefusal refusal, ClientCredentials client, String notFound) {
        return hintFor(refusal, client, notFound, null, null);
    }

    /**
     * @param audience the aud of the client's signed assertion, or null
     * @param lastAssertion the CI token last sent, for its claims (never its value), or null
     */
    static String hintFor(TokenRefusal refusal, ClientCredentials client, String notFound, String audience,
            String lastAssertion) {
        String source = client.source();
        boolean credentialRefused = refusal.error().equals("invalid_client")
                || refusal.error().equals("unauthorized_client") && refusal.status() == 401
                || refusal.error().isEmpty() && refusal.status() == 401;
        if (credentialRefused && client.credential() instanceof SigningKey) {
            SigningKey key = (SigningKey) client.credential();
            return "The server did not accept the assertion signed with the key from " + key.source() + " (" + key.algorithm()
                    + ", aud " + audience + "). Check that the server holds this key's public key or certificate for"
                    + " client " + client.abbreviatedClientId() + " (and its kid, keyId, if it has several), that the"
                    + " client uses the method private_key_jwt (Keycloak: \"Signed JWT\"), and that it accepts that"
                    + " aud; assertionAudience (cxtoken.assertionAudience) sets another.";
        }
        if (credentialRefused && client.credential() instanceof AssertionSource) {
            AssertionSource assertion = (AssertionSource) client.credential();
            return "The server did not accept the CI token from " + assertion.origin() + " as the credential of "
                    + (client.clientId() == null ? "the client" : "client " + client.abbreviatedClientId()) + "."
                    + claims(lastAssertion) + " Check the federated credential registered for the client: its issuer,"
                    + " subject and audience must match the token's exactly. Servers also refuse a CI token they have"
                    + " seen before, and (Keycloak) one issued more than 5 minutes earlier.";
        }
        switch (refusal.error()) {
            case "invalid_client":
                return "The server did not accept the client id or secret. Check both, read from " + source
                        + "; the client may also have been deleted or disabled, or belong to another region or org.";
            case "unauthorized_client":
                if (refusal.status() == 401) {
                    return "The server did not accept the client id or secret (Keycloak answers a wrong secret this"
                            + " way). Check both, read from " + source + ".";
                }
                return "The client exists but may not use the " + refusal.grantType() + " grant. In Genesys Cloud,"
                        + " create the OAuth client with the grant type 'Client Credentials'; elsewhere, enable that"
                        + " grant for the client.";
            case "invalid_scope":
                return "The server refused the requested scopes. Check the scopes parameter (cxtoken.scopes) against"
                        + " the scopes granted to the client. Genesys Cloud client-credentials clients take no scopes:"
                        + " remove the parameter.";
            case "invalid_grant":
                return "The server refused the grant itself. Check that the credentials are current and that the"
                        + " client is allowed this grant.";
            case "invalid_request":
                return "The server found the request malformed. Check the extra parameters and clientAuth"
                        + " (cxtoken.clientAuth): some servers need 'post' instead of 'basic'.";
            case "unsupported_grant_type":
                return "The server does not support the " + refusal.grantType() + " grant at this endpoint. Check"
                        + " tokenUrl (cxtoken.tokenUrl) and the provider.";
            default:
                break;
        }
        if (refusal.status() == 401) {
            return "The server did not accept the credentials. Check the client id and secret, read from " + source
                    + ".";
        }
        if (refusal.status() == 403) {
            return "The server understood the request but refused it. Check that the client is enabled, has the"
                    + " roles it needs, and that this machine's address is allowed (IP allow-lists).";
        }
        if (refusal.status() == 404 || refusal.status() == 405) {
            return notFound;
        }
        return "Check the client's configuration on the server and the plugin's parameters.";
    }

    /** The claims that decide whether a server takes a CI token, which are not secret. */
    private static String claims(String assertion) {
        Optional<JsonObject> claims = assertion == null ? Optional.<JsonObject>empty() : Jwt.claims(assertion);
        if (!claims.isPresent()) {
            return "";
        }
        JsonObject c = claims.get();
        return " The token says iss " + c.get("iss") + ", sub " + c.get("sub") + ", aud " + c.get("aud") + ".";
    }
}
