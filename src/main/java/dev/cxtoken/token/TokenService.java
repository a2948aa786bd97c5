package dev.cxtoken.token;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.MissingCredentialsException;
import dev.cxtoken.credentials.ClientCredentials;
import dev.cxtoken.credentials.CredentialPlace;
import dev.cxtoken.credentials.CredentialResolver;
import dev.cxtoken.oauth.AccessToken;
import dev.cxtoken.oauth.OAuthClient;
import dev.cxtoken.provider.DocumentMemo;
import dev.cxtoken.provider.Fetched;
import dev.cxtoken.provider.Login;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** One execution of the goal, without Maven: find every credential pair, then reuse or fetch the token. */
public final class TokenService {
    private final CredentialResolver resolver;
    private final BuildTokenCache cache;
    private final DocumentMemo memo;
    private final OAuthClient client;

    public TokenService(CredentialResolver resolver, BuildTokenCache cache, DocumentMemo memo, OAuthClient client) {
        this.resolver = resolver;
        this.cache = cache;
        this.memo = memo;
        this.client = client;
    }

    /** What the execution obtained, for publishing and for the log line. */
    public static final class Outcome {
        private final AccessToken token;
        private final boolean fetched;
        private final List<ClientCredentials> credentials;
        private final String apiBaseUrlProblem;

        Outcome(AccessToken token, boolean fetched, List<ClientCredentials> credentials, String apiBaseUrlProblem) {
            this.token = token;
            this.fetched = fetched;
            this.credentials = Collections.unmodifiableList(credentials);
            this.apiBaseUrlProblem = apiBaseUrlProblem;
        }

        public AccessToken token() {
            return token;
        }

        public boolean fetched() {
            return fetched;
        }

        /** The pairs used, in the provider's order: the client first. */
        public List<ClientCredentials> credentials() {
            return credentials;
        }

        /** Why the fetch found no API base URL, or null. */
        public String apiBaseUrlProblem() {
            return apiBaseUrlProblem;
        }
    }

    public Outcome obtain(Login login, List<String> scopes, Map<String, String> extraParameters,
            Duration minValidity, boolean offline) throws CxTokenException {
        List<ClientCredentials> found = resolveAll(login.places());
        // Only this execution's own fetch can have a problem to report; a reused token was reported when fetched.
        AtomicReference<String> problem = new AtomicReference<>();
        BuildTokenCache.Result result = cache.obtain(CacheKey.of(login, found, scopes, extraParameters), minValidity,
                offline, () -> {
                    Fetched fetched = login.fetch(found, client, memo, client.newDeadline());
                    problem.set(fetched.apiBaseUrlProblem());
                    return fetched.token();
                });
        return new Outcome(result.token(), result.fetched(), found, problem.get());
    }

    /** Every pair is found before anything is sent; when several are missing, one message names them all. */
    private List<ClientCredentials> resolveAll(List<CredentialPlace> places) throws CxTokenException {
        List<ClientCredentials> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        MissingCredentialsException first = null;
        for (CredentialPlace place : places) {
            try {
                found.add(resolver.resolve(place));
            } catch (MissingCredentialsException e) {
                first = first == null ? e : first;
                missing.add(e.getMessage());
            }
        }
        if (missing.size() == 1) {
            throw first;
        }
        if (!missing.isEmpty()) {
            throw new MissingCredentialsException(String.join(" ", missing));
        }
        return found;
    }
}
