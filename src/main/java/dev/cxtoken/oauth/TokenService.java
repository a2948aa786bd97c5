package dev.cxtoken.oauth;

/**
 * One execution of the goal, without Maven: find credentials, build the request, reuse or fetch the token.
 */
public final class TokenService {
    private final CredentialResolver credentials;
    private final BuildTokenCache cache;
    private final TokenEndpointClient client;

    public TokenService(CredentialResolver credentials, BuildTokenCache cache, TokenEndpointClient client) {
        this.credentials = credentials;
        this.cache = cache;
        this.client = client;
    }

    /** What the execution obtained, for publishing and for the log line. */
    public static final class Outcome {
        private final AccessToken token;
        private final boolean fetched;
        private final ClientCredentials credentials;

        Outcome(AccessToken token, boolean fetched, ClientCredentials credentials) {
            this.token = token;
            this.fetched = fetched;
            this.credentials = credentials;
        }

        public AccessToken token() {
            return token;
        }

        public boolean fetched() {
            return fetched;
        }

        public ClientCredentials credentials() {
            return credentials;
        }
    }

    public Outcome obtain(FetchConfiguration config, boolean offline) throws CxTokenException {
        ClientCredentials found = credentials.resolve(config);
        TokenRequest request = TokenRequest.clientCredentials(config, found);
        BuildTokenCache.Result result =
                cache.obtain(request.cacheKey(), config.minValidity(), offline, () -> client.fetch(request));
        return new Outcome(result.token(), result.fetched(), found);
    }
}
