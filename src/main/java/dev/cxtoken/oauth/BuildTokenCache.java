package dev.cxtoken.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;

/**
 * Tokens, and facts learnt on the way to them (such as a discovered token endpoint), shared by every module of one
 * build. The backing map lives in the build's repository session, not in a
 * static field, so it ends with the build (also under mvnd). It holds only JDK types, because modules with their own
 * plugin dependencies load this plugin in separate class realms and must still share entries.
 */
public final class BuildTokenCache {
    private static final String ACCESS_TOKEN = "accessToken";
    private static final String ISSUED_AT = "issuedAt";
    private static final String EXPIRES_AT = "expiresAt";
    private static final String API_BASE_URL = "apiBaseUrl";

    private final ConcurrentMap<String, Object> store;
    private final Clock clock;

    public BuildTokenCache(ConcurrentMap<String, Object> store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Fetches a token. Implementations talk to the network. */
    @FunctionalInterface
    public interface Fetcher {
        AccessToken fetch() throws CxTokenException;
    }

    /** Looks up a value over the network. */
    @FunctionalInterface
    public interface Loader {
        String load() throws CxTokenException;
    }

    /** A token and whether this call fetched it or found it in the cache. */
    public static final class Result {
        private final AccessToken token;
        private final boolean fetched;

        Result(AccessToken token, boolean fetched) {
            this.token = token;
            this.fetched = fetched;
        }

        public AccessToken token() {
            return token;
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
    public Result obtain(String key, Duration minValidity, boolean offline, Fetcher fetcher)
            throws CxTokenException {
        Object lock = store.computeIfAbsent("lock\n" + key, k -> new Object());
        synchronized (lock) {
            AccessToken cached = read(key);
            if (cached != null && cached.isUsableAt(clock.instant(), minValidity)) {
                return new Result(cached, false);
            }
            if (offline) {
                throw new InvalidConfigurationException("Maven is offline (-o) and this build holds no token that is"
                        + " still valid for minValidity (cxtoken.minValidity). Run without -o, or set skip"
                        + " (cxtoken.skip) for offline builds.");
            }
            AccessToken fresh = fetcher.fetch();
            write(key, fresh);
            return new Result(fresh, true);
        }
    }

    /**
     * Returns the value remembered under {@code key} in this build, loading it on first use. Concurrent callers wait
     * for the load in flight. A failed load is not remembered, so a later module may try again.
     */
    public String remember(String key, Loader loader) throws CxTokenException {
        Object lock = store.computeIfAbsent("lock\nvalue\n" + key, k -> new Object());
        synchronized (lock) {
            Object known = store.get("value\n" + key);
            if (known instanceof String) {
                return (String) known;
            }
            String loaded = loader.load();
            store.put("value\n" + key, loaded);
            return loaded;
        }
    }

    private AccessToken read(String key) {
        Object entry = store.get("token\n" + key);
        if (!(entry instanceof Map)) {
            return null;
        }
        Map<?, ?> fields = (Map<?, ?>) entry;
        Object apiBaseUrl = fields.get(API_BASE_URL);
        return new AccessToken(Secret.of((String) fields.get(ACCESS_TOKEN)),
                Instant.parse((String) fields.get(ISSUED_AT)), Instant.parse((String) fields.get(EXPIRES_AT)),
                apiBaseUrl == null ? null : (String) apiBaseUrl);
    }

    private void write(String key, AccessToken token) {
        Map<String, String> fields = new HashMap<>();
        fields.put(ACCESS_TOKEN, token.value().reveal());
        fields.put(ISSUED_AT, token.issuedAt().toString());
        fields.put(EXPIRES_AT, token.expiresAt().toString());
        if (token.apiBaseUrl() != null) {
            fields.put(API_BASE_URL, token.apiBaseUrl());
        }
        store.put("token\n" + key, Collections.unmodifiableMap(fields));
    }
}
