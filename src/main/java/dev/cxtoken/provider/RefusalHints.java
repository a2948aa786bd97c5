package dev.cxtoken.provider;

import dev.cxtoken.credentials.ClientCredentials;
import dev.cxtoken.oauth.TokenRefusal;

/** What to do about the usual refusals of a token endpoint, for servers that follow RFC 6749 §5.2. */
final class RefusalHints {
    private RefusalHints() {}

    /** @param notFound what to say when there is no token endpoint at the URL (404, 405) */
    static String hintFor(TokenRefusal refusal, ClientCredentials client, String notFound) {
        String source = client.source();
        switch (refusal.error()) {
            case "invalid_client":
                return "The server did not accept the client id or secret. Check both, read from " + source
                        + "; the client may also have been deleted or disabled, or belong to another region or org.";
            case "unauthorized_client":
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
}
