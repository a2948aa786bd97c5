package dev.cxtoken.token;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.MissingCredentialsException;
import dev.cxtoken.TokenLog;
import dev.cxtoken.credentials.ClientCredentials;
import dev.cxtoken.credentials.CredentialPlace;
import dev.cxtoken.credentials.CredentialResolver;
import dev.cxtoken.oauth.AccessToken;
import dev.cxtoken.oauth.OAuthClient;
import dev.cxtoken.provider.DocumentMemo;
import dev.cxtoken.provider.Fetched;
import dev.cxtoken.provider.Login;
import dev.cxtoken.provider.Organization;
import dev.cxtoken.provider.Revocation;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One execution of the goal, without Maven: find every credential pair, reuse or fetch the token, and give a token
 * this execution fetched its lifecycle: renewal while the build runs, revocation when it ends.
 */
public final class TokenService {
    private final CredentialResolver resolver;
    private final BuildTokenCache cache;
    private final DocumentMemo memo;
    private final Clients clients;
    private final TokenLifecycle lifecycle;
    private final Clock clock;

    /** The exchanges of one execution: the fetch, background renewals, and revocations at the end. */
    public static final class Clients {
        final OAuthClient fetch;
        final OAuthClient background;
        final OAuthClient revocation;
        final TokenLog log;

        /**
         * @param background for renewals; its retries should not log as warnings, since a renewal words its own
         * @param revocation for revocations, bounded to a few seconds; quiet like the background one
         * @param log where renewals and revocations report
         */
        public Clients(OAuthClient fetch, OAuthClient background, OAuthClient revocation, TokenLog log) {
            this.fetch = fetch;
            this.background = background;
            this.revocation = revocation;
            this.log = log;
        }
    }

    /** What this execution asks of the token's life after the fetch. */
    public static final class Lifetime {
        final String provider;
        final boolean refresh;
        final boolean revoke;
        final String expectedOrganization;

        /**
         * @param provider the provider's id, for log lines
         * @param expectedOrganization the pinned org, or null; a token checked against one org is not reused for
         *     another
         */
        public Lifetime(String provider, boolean refresh, boolean revoke, String expectedOrganization) {
            this.provider = provider;
            this.refresh = refresh;
            this.revoke = revoke;
            this.expectedOrganization = expectedOrganization;
        }
    }

    public TokenService(CredentialResolver resolver, BuildTokenCache cache, DocumentMemo memo, Clients clients,
            TokenLifecycle lifecycle, Clock clock) {
        this.resolver = resolver;
        this.cache = cache;
        this.memo = memo;
        this.clients = clients;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** What the execution obtained, for publishing and for the log line. */
    public static final class Outcome {
        private final BuildTokenCache.Result result;
        private final Login login;
        private final List<ClientCredentials> credentials;
        private final String key;
        private final String revocationGap;
        private final String renewalGap;

        Outcome(BuildTokenCache.Result result, Login login, List<ClientCredentials> credentials, String key,
                String revocationGap, String renewalGap) {
            this.result = result;
            this.login = login;
            this.credentials = Collections.unmodifiableList(credentials);
            this.key = key;
            this.revocationGap = revocationGap;
            this.renewalGap = renewalGap;
        }

        /** Why the token is not renewed in the background although refresh is on, or null. */
        public String renewalGap() {
            return renewalGap;
        }

        /** The login used: the configured one, or the one it chose (CXone's auto). */
        public Login login() {
            return login;
        }

        public AccessToken token() {
            return result.token();
        }

        public boolean fetched() {
            return result.fetched();
        }

        /** The pairs used, in the order of the login's places. */
        public List<ClientCredentials> credentials() {
            return credentials;
        }

        /** The id of the org the token was checked against (expectedOrganization), or null. */
        public String organizationId() {
            Organization org = result.organization();
            return org == null ? null : org.id();
        }

        /** The name of that org, or null (also when the provider names none). */
        public String organizationName() {
            Organization org = result.organization();
            return org == null ? null : org.name();
        }

        /** The OAuth client that the org check named, or null. */
        public String organizationClient() {
            Organization org = result.organization();
            return org == null ? null : org.client();
        }

        /** Identifies the token within the build, for what follows it (its files); holds no secret. */
        public String key() {
            return key;
        }

        /** Why a fresh token could not be had, when an older one that is still valid is served instead; or null. */
        public String fallback() {
            return result.fallback();
        }

        /** Why the token cannot be revoked at the end of the build, or null when it can. */
        public String revocationGap() {
            return revocationGap;
        }

        /** Why this execution's fetch found no API base URL, or null (also for a reused token). */
        public String apiBaseUrlProblem() {
            Fetched fetch = result.fetch();
            return fetch == null ? null : fetch.apiBaseUrlProblem();
        }

        /** Where this execution's fetch took the API base URL from, when the provider had a choice, or null. */
        public String apiBaseUrlSource() {
            Fetched fetch = result.fetch();
            return fetch == null ? null : fetch.apiBaseUrlSource();
        }
    }

    public Outcome obtain(Login login, List<String> scopes, Map<String, String> extraParameters,
            Duration minValidity, boolean offline, Lifetime lifetime) throws CxTokenException {
        Login chosen = login.choose(resolver);
        List<ClientCredentials> found = resolveAll(chosen.places());
        String key = CacheKey.of(chosen, found, scopes, extraParameters, lifetime.expectedOrganization);
        String owner = chosen.places().get(0).owner();
        String what = lifetime.provider + " token" + (chosen.name().isEmpty() ? "" : " (" + chosen.name() + ")")
                + " of " + (owner.endsWith("client") ? "client" : owner) + " " + found.get(0).abbreviatedClientId();
        // A credential usable once cannot fetch again: the build's token then serves for as long as it is valid.
        String singleUse = singleUse(found);
        BuildTokenCache.Result result = cache.obtain(key, singleUse == null ? minValidity : Duration.ZERO, offline,
                () -> chosen.fetch(found, clients.fetch, memo, clients.fetch.newDeadline()));
        if (singleUse != null && !result.fetched() && !result.token().isUsableAt(clock.instant(), minValidity)) {
            clients.log.warn("The " + what + " has " + Math.max(0, Duration.between(clock.instant(),
                    result.token().expiresAt()).getSeconds()) + " s left, less than minValidity ("
                    + minValidity.getSeconds() + " s), and is not fetched anew: " + singleUse + ".");
        }
        String renewalGap = lifetime.refresh ? singleUse : null;
        if (result.fetched()) {
            revokeAtEnd(key, result.fetch(), what);
            if (lifetime.refresh && renewalGap == null) {
                new TokenRenewal(key, what,
                        () -> chosen.fetch(found, clients.background, memo, clients.background.newDeadline()),
                        cache, lifecycle, fetched -> revokeAtEnd(key, fetched, what), minValidity, clock,
                        clients.log).start(result.token());
            }
        }
        if (!lifetime.revoke) {
            lifecycle.keep(key);
        }
        return new Outcome(result, chosen, found, key, result.fetched()
                ? result.fetch().revocation().unavailableBecause() : lifecycle.revocationGap(key), renewalGap);
    }

    /** Why the token cannot be renewed with these credentials, or null when it can. */
    private static String singleUse(List<ClientCredentials> credentials) {
        for (ClientCredentials pair : credentials) {
            if (pair.credential().singleUse() != null) {
                return pair.credential().singleUse();
            }
        }
        return null;
    }

    private void revokeAtEnd(String key, Fetched fetched, String what) {
        Revocation revocation = fetched.revocation();
        AccessToken token = fetched.token();
        lifecycle.revocationGap(key, revocation.unavailableBecause());
        String expiry = DateTimeFormatter.ISO_INSTANT.format(token.expiresAt().truncatedTo(ChronoUnit.SECONDS));
        lifecycle.revokeAtEnd(key, () -> {
            Revocation.Outcome outcome = revocation.revoke(token.value(), clients.revocation,
                    clients.revocation.newDeadline());
            if (outcome.kind() == Revocation.Outcome.Kind.SKIPPED) {
                clients.log.debug("Not revoking the " + what + ", valid until " + expiry + ": " + outcome.detail()
                        + ".");
            } else if (!outcome.done()) {
                clients.log.warn("Could not revoke the " + what + " at the end of the build: " + outcome.detail()
                        + (outcome.detail().endsWith(".") ? "" : ".") + " It stays valid until " + expiry + ".");
            }
            return outcome.done();
        });
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
