package dev.cxtoken.oauth;

/**
 * One execution of the goal, without Maven: find credentials, build the request, reuse or fetch the token.
 */
public final class TokenService {
    private final CredentialResolver credentials;
    private final BuildTokenCache cache;
    private final TokenEndpointClient client;
    private final CxoneLogin cxone;

    public TokenService(CredentialResolver credentials, BuildTokenCache cache, TokenEndpointClient client,
            TokenLog log) {
        this.credentials = credentials;
        this.cache = cache;
        this.client = client;
        this.cxone = new CxoneLogin(client, cache, log);
    }

    /** What the execution obtained, for publishing and for the log line. */
    public static final class Outcome {
        private final AccessToken token;
        private final boolean fetched;
        private final ClientCredentials credentials;
        private final ClientCredentials accessKey;

        Outcome(AccessToken token, boolean fetched, ClientCredentials credentials, ClientCredentials accessKey) {
            this.token = token;
            this.fetched = fetched;
            this.credentials = credentials;
            this.accessKey = accessKey;
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

        /** The CXone access key, or null for other providers. */
        public ClientCredentials accessKey() {
            return accessKey;
        }
    }

    public Outcome obtain(FetchConfiguration config, boolean offline) throws CxTokenException {
        if (config.provider() == Provider.CXONE) {
            return obtainFromCxone(config, offline);
        }
        ClientCredentials found = credentials.resolve(config);
        TokenRequest request = TokenRequest.clientCredentials(config, found);
        BuildTokenCache.Result result =
                cache.obtain(request.cacheKey(), config.minValidity(), offline, () -> client.fetch(request));
        return new Outcome(result.token(), result.fetched(), found, null);
    }

    /** CXone needs two pairs; both are found before anything is sent, and the token is cached under both. */
    private Outcome obtainFromCxone(FetchConfiguration config, boolean offline) throws CxTokenException {
        ClientCredentials application;
        try {
            application = credentials.resolve(config);
        } catch (MissingCredentialsException missingApplication) {
            try {
                credentials.resolveAccessKey(config);
            } catch (MissingCredentialsException missingAccessKey) {
                throw new MissingCredentialsException(
                        missingApplication.getMessage() + " " + missingAccessKey.getMessage());
            }
            throw missingApplication;
        }
        ClientCredentials accessKey = credentials.resolveAccessKey(config);
        BuildTokenCache.Result result = cache.obtain(TokenRequest.cacheKey(config, application, accessKey),
                config.minValidity(), offline, () -> cxone.fetch(config, application, accessKey));
        return new Outcome(result.token(), result.fetched(), application, accessKey);
    }
}
