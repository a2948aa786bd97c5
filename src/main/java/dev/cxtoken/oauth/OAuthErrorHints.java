package dev.cxtoken.oauth;

import java.util.Locale;

/** What to do about the usual refusals of a token endpoint. */
final class OAuthErrorHints {
    private OAuthErrorHints() {}

    static String hintFor(String error, int status, TokenRequest request) {
        String code = error == null ? "" : error.toLowerCase(Locale.ROOT);
        if (request.accessKey() != null) {
            String hint = cxoneHint(code, status, request);
            if (hint != null) {
                return hint;
            }
        }
        String source = request.credentials().source();
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

    /**
     * CXone checks two pairs: the registered application (Basic header) and the access key (username and password).
     * The hint says which one the error points at and where that pair is configured.
     */
    private static String cxoneHint(String code, int status, TokenRequest request) {
        FetchConfiguration config = request.config();
        String accessKey = "Check the access key id and secret (read from " + request.accessKey().source()
                + "); they are configured in " + config.accessKeyPlaces() + ".";
        String application = "Check the application's client id and secret (read from "
                + request.credentials().source() + "); they are configured in " + config.clientCredentialPlaces() + ".";
        switch (code) {
            case "invalid_grant":
                return "CXone did not accept the access key. " + accessKey + " The key may also have been deactivated"
                        + " or deleted, or its user deactivated; create a new one under the user's Access Keys.";
            case "invalid_client":
                return "CXone did not accept the registered application. " + application + " These are the"
                        + " application registration's values, not the access key's.";
            case "unauthorized_client":
            case "unsupported_grant_type":
                return "CXone refused the password grant for this application. Check that the application is"
                        + " registered as a back-end application. " + application;
            default:
                break;
        }
        if (status == 401 || status == 403) {
            return "CXone did not accept the credentials, without saying which pair. " + application + " "
                    + accessKey;
        }
        if (status == 404 || status == 405) {
            return "There is no token endpoint at this URL. Check environment (cxtoken.environment), which names the"
                    + " CXone issuer such as cxone.niceincontact.com, or tokenUrl (cxtoken.tokenUrl).";
        }
        return null;
    }
}
