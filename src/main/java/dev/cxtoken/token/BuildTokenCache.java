package dev.cxtoken.token;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.Secret;
import dev.cxtoken.Ticker;
import dev.cxtoken.oauth.AccessToken;
import dev.cxtoken.provider.Fetched;
import dev.cxtoken.provider.Organization;
import dev.cxtoken.provider.Revocation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The tokens of one build, shared by every module. The backing maps live in the build's repository session, not in a
 * static field, so they end with the build (also under mvnd). They hold only JDK types, because modules with their
 * own plugin dependencies load this plugin in separate class realms and must still share entries.
 *
 * <p>A failed fetch is remembered too, briefly: modules that queued behind it (under {@code -T}) or come right after
 * it share its failure instead of each paying the full timeout again. Once the failure is older than the attempt
 * took, the next module tries again.
 */
public final class BuildTokenCache {
    private final ConcurrentMap<String, Object> tokens;
    private final ConcurrentMap<String, Object> locks;
    private final ConcurrentMap<String, Object> failures;
    private final Clock clock;
    private final Ticker ticker;

    /** @param store the build-wide store; this cache keeps its maps under its own keys there */
    public BuildTokenCache(ConcurrentMap<String, Object> store, Clock clock, Ticker ticker) {
        this.tokens = section(store, "tokens");
        this.locks = section(store, "token-locks");
        this.failures = section(store, "token-failures");
        this.clock = clock;
        this.ticker = ticker;
    }

    @SuppressWarnings("unchecked")
    static ConcurrentMap<String, Object> section(ConcurrentMap<String, Object> store, String name) {
        return (ConcurrentMap<String, Object>) store.computeIfAbsent(name, k -> new ConcurrentHashMap<String, Object>());
    }

    /** Fetches a token. Implementations talk to the network. */
    @FunctionalInterface
    public interface Fetcher {
        Fetched fetch() throws CxTokenException;
    }

    /** A token, the org it was checked against, and whether this call fetched it or found it in the cache. */
    public static final class Result {
        private final Fetched entry;
        private final boolean fetched;
        private final String fallback;

        Result(Fetched entry, boolean fetched) {
            this(entry, fetched, null);
        }

        Result(Fetched entry, boolean fetched, String fallback) {
            this.entry = entry;
            this.fetched = fetched;
            this.fallback = fallback;
        }

        /**
         * Why a new token was wanted but could not be had, when the cached one is served instead because it is
         * still valid (for less than minValidity); null otherwise.
         */
        public String fallback() {
            return fallback;
        }

        public AccessToken token() {
            return entry.token();
        }

        /** The org the token was checked against, or null. */
        public Organization organization() {
            return entry.organization();
        }

        /** The fetch itself, with what it found out; only when this call fetched. */
        Fetched fetch() {
            return fetched ? entry : null;
        }

        public boolean fetched() {
            return fetched;
        }
    }

    /**
     * Returns the cached token for {@code key} if it is still valid for {@code minValidity}, otherwise fetches one.
     * Concurrent callers with the same key wait for the fetch in flight instead of starting their own.
     *
     * @param offline when true, a missing or stale token is an error instead of a fetch
     */
    public Result obtain(String key, Duration minValidity, boolean offline, Fetcher fetcher) throws CxTokenException {
        long arrived = ticker.nanoTime();
        Object lock = locks.computeIfAbsent(key, k -> new Object());
        synchronized (lock) {
            Fetched cached = read(key);
            if (cached != null && cached.token().isUsableAt(clock.instant(), minValidity)) {
                return new Result(cached, false);
            }
            SharedFailure recent = SharedFailure.read(failures.get(key));
            if (recent != null && recent.covers(arrived)) {
                return stillValid(cached, recent.toException());
            }
            if (offline) {
                throw new InvalidConfigurationException("Maven is offline (-o) and this build holds no token that is"
                        + " still valid for minValidity (cxtoken.minValidity). Run without -o, or set skip"
                        + " (cxtoken.skip) for offline builds.");
            }
            long started = ticker.nanoTime();
            try {
                Fetched fresh = fetcher.fetch();
                write(key, fresh);
                failures.remove(key);
                return new Result(fresh, true);
            } catch (CxTokenException e) {
                failures.put(key, SharedFailure.of(e, started, ticker.nanoTime()));
                return stillValid(cached, e);
            }
        }
    }

    /**
     * While the server fails, a cached token that has not expired is still better than none: it is served, with the
     * reason, as Azure's token cache does. Without one, the failure stands.
     */
    private Result stillValid(Fetched cached, CxTokenException failure) throws CxTokenException {
        if (cached == null || !clock.instant().isBefore(cached.token().expiresAt())) {
            throw failure;
        }
        return new Result(cached, false, failure.getMessage());
    }

    /** Puts a renewed token in place of the one cached under {@code key}, for the modules that start later. */
    void replace(String key, Fetched renewed) {
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            write(key, renewed);
            failures.remove(key);
        }
    }

    private Fetched read(String key) {
        Object entry = tokens.get(key);
        if (!(entry instanceof Map)) {
            return null;
        }
        Map<?, ?> fields = (Map<?, ?>) entry;
        Object apiBaseUrl = fields.get("apiBaseUrl");
        AccessToken token = new AccessToken(Secret.of((String) fields.get("accessToken")),
                Instant.parse((String) fields.get("issuedAt")), Instant.parse((String) fields.get("expiresAt")),
                apiBaseUrl == null ? null : (String) apiBaseUrl);
        Object org = fields.get("organizationId");
        Organization organization = org == null ? null : new Organization((String) org,
                (String) fields.get("organizationName"), (String) fields.get("organizationClient"));
        return new Fetched(token, null, null, organization, Revocation.unavailable("reused"));
    }

    private void write(String key, Fetched fetched) {
        AccessToken token = fetched.token();
        Map<String, String> fields = new HashMap<>();
        Organization org = fetched.organization();
        if (org != null) {
            fields.put("organizationId", org.id());
            fields.put("organizationClient", org.client());
            if (org.name() != null) {
                fields.put("organizationName", org.name());
            }
        }
        fields.put("accessToken", token.value().reveal());
        fields.put("issuedAt", token.issuedAt().toString());
        fields.put("expiresAt", token.expiresAt().toString());
        if (token.apiBaseUrl() != null) {
            fields.put("apiBaseUrl", token.apiBaseUrl());
        }
        tokens.put(key, Collections.unmodifiableMap(fields));
    }
}
