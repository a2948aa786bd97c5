package dev.cxtoken.provider;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.credentials.ClientCredentials;
import dev.cxtoken.credentials.CredentialPlace;
import dev.cxtoken.credentials.CredentialResolver;
import dev.cxtoken.http.Deadline;
import dev.cxtoken.oauth.OAuthClient;
import java.util.List;

/** A configured provider: everything one execution needs to obtain a token from it. */
public interface Login {
    /**
     * The login to use, once it is known which credential pairs are there at all. Most providers have one login and
     * return themselves; CXone's {@code auto} picks the application or the access-key login here.
     */
    default Login choose(CredentialResolver credentials) throws CxTokenException {
        return this;
    }

    /** Which login this is, for the INFO line ("access-key login"), or "" when a provider has only one. */
    default String name() {
        return "";
    }

    /** The credential pairs it needs, in the order {@link #fetch} takes them. */
    List<CredentialPlace> places();

    /**
     * What identifies the endpoint before anything is discovered, for cache keys: the token URL, or the issuer whose
     * discovery document names it. So a cached token is found without a request.
     */
    String endpointIdentity();

    /** Host and port of the endpoint, or of the issuer, for log lines. */
    String hostForDisplay();

    /**
     * What the INFO line adds after the host about how the endpoint was chosen, where the user may not have meant
     * it: a default region, or an environment that tokenUrl overrides. "" when there is nothing to say.
     */
    default String endpointNote() {
        return "";
    }

    /**
     * How the endpoint was found, for {@code cx-token:diagnose}: "tokenUrl (cxtoken.tokenUrl)", the region table, or
     * the discovery document that the goal would read.
     */
    default String endpointDerivation() {
        return "tokenUrl (cxtoken.tokenUrl)";
    }

    /** The grant it sends, for cache keys. */
    String grantType();

    /** The client authentication method it uses, for cache keys. */
    String clientAuthentication();

    /**
     * Fetches a token.
     *
     * @param credentials the pairs found for {@link #places()}, in that order
     * @param memo build-wide memory for documents such as a discovery document
     */
    Fetched fetch(List<ClientCredentials> credentials, OAuthClient client, DocumentMemo memo, Deadline deadline)
            throws CxTokenException;
}
