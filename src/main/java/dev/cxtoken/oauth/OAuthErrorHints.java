package dev.cxtoken.oauth;

import java.util.Locale;

/** What to do about the usual refusals of a token endpoint. */
final class OAuthErrorHints {
    private OAuthErrorHints() {}

    static String hintFor(String error, int status, TokenRequest request) {
        String source = request.credentials().source();
        String code = error == null ? "" : error.toLowerCase(Locale.ROOT);
        switch (code) {
            case "invalid_client":
                return "The server did not accept the client id or secret. Check both in " + source
                        + "; the client may also have been deleted or disabled, or belong to another region or org.";
            case "unauthorized_client":
                return "The client exists but may not use the " + request.grantType() + " grant. In Genesys Cloud,"
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
                return "The server does not support the " + request.grantType() + " grant at this endpoint. Check"
                        + " tokenUrl (cxtoken.tokenUrl) and the provider.";
            default:
                break;
        }
        if (status == 401) {
            return "The server did not accept the credentials. Check the client id and secret in " + source + ".";
        }
        if (status == 403) {
            return "The server understood the request but refused it. Check that the client is enabled, has the"
                    + " roles it needs, and that this machine's address is allowed (IP allow-lists).";
        }
        if (status == 404 || status == 405) {
            return "There is no token endpoint at this URL. Check environment (cxtoken.environment) or tokenUrl"
                    + " (cxtoken.tokenUrl); Genesys Cloud's is https://login.<domain>/oauth/token.";
        }
        return "Check the client's configuration on the server and the plugin's parameters.";
    }
}
