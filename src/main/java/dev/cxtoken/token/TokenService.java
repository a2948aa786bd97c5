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
        private final Login login;
        private final List<ClientCredentials> credentials;
        private final Fetched fetch;

        Outcome(AccessToken token, boolean fetched, Login login, List<ClientCredentials> credentials, Fetched fetch) {
            this.token = token;
            this.fetched = fetched;
            this.login = login;
            this.credentials = Collections.unmodifiableList(credentials);
            this.fetch = fetch;
        }

        /** The login used: the configured one, or the one it chose (CXone's auto). */
        public Login login() {
            return login;
        }

        public AccessToken token() {
            return token;
        }

        public boolean fetched() {
            return fetched;
        }

        /** The pairs used, in the order of the login's places. */
        public List<ClientCredentials> credentials() {
            return credentials;
        }

        /** Why this execution's fetch found no API base URL, or null (also for a reused token). */
        public String apiBaseUrlProblem() {
            return fetch == null ? null : fetch.apiBaseUrlProblem();
        }

        /** Where this execution's fetch took the API base URL from, when the provider had a choice, or null. */
        public String apiBaseUrlSource() {
            return fetch == null ? null : fetch.apiBaseUrlSource();
        }
    }

    public Outcome obtain(Login login, List<String> scopes, Map<String, String> extraParameters,
            Duration minValidity, boolean offline) throws CxTokenException {
        Login chosen = login.choose(resolver);
        List<ClientCredentials> found = resolveAll(chosen.places());
        // Only this execution's own fetch has something to report; a reused token was reported when it was fetched.
        AtomicReference<Fetched> fetch = new AtomicReference<>();
        BuildTokenCache.Result result = cache.obtain(CacheKey.of(chosen, found, scopes, extraParameters), minValidity,
                offline, () -> {
                    Fetched fetched = chosen.fetch(found, client, memo, client.newDeadline());
                    fetch.set(fetched);
                    return fetched.token();
                });
        return new Outcome(result.token(), result.fetched(), chosen, found, fetch.get());
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
