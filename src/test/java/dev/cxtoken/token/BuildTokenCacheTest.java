package dev.cxtoken.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.TokenEndpointException;
import dev.cxtoken.Secret;
import dev.cxtoken.oauth.AccessToken;
import dev.cxtoken.provider.Fetched;
import dev.cxtoken.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BuildTokenCacheTest {
    private final ManualClock clock = new ManualClock();
    private final ConcurrentHashMap<String, Object> store = new ConcurrentHashMap<>();
    private final BuildTokenCache cache = new BuildTokenCache(store, clock, clock);
    private final AtomicInteger fetches = new AtomicInteger();

    private Fetched newToken(Duration lifetime) {
        int n = fetches.incrementAndGet();
        return new Fetched(new AccessToken(Secret.of("token-" + n), clock.instant(), clock.instant().plus(lifetime),
                null), null, null);
    }

    @Test
    void reusesATokenWhileItIsValidForMinValidity() throws Exception {
        Duration minValidity = Duration.ofSeconds(300);
        BuildTokenCache.Result first = cache.obtain("k", minValidity, false, () -> newToken(Duration.ofHours(1)));
        assertTrue(first.fetched());
        clock.advance(Duration.ofMinutes(54));
        BuildTokenCache.Result second = cache.obtain("k", minValidity, false, () -> newToken(Duration.ofHours(1)));
        assertFalse(second.fetched());
        assertEquals("token-1", second.token().value().reveal());
        clock.advance(Duration.ofMinutes(2)); // 4 minutes left: less than minValidity
        BuildTokenCache.Result third = cache.obtain("k", minValidity, false, () -> newToken(Duration.ofHours(1)));
        assertTrue(third.fetched());
        assertEquals("token-2", third.token().value().reveal());
    }

    @Test
    void shortLivedTokensUseHalfTheirLifetimeAsMargin() throws Exception {
        Duration minValidity = Duration.ofSeconds(300);
        cache.obtain("k", minValidity, false, () -> newToken(Duration.ofSeconds(300)));
        clock.advance(Duration.ofSeconds(100));
        assertFalse(cache.obtain("k", minValidity, false, () -> newToken(Duration.ofSeconds(300))).fetched());
        clock.advance(Duration.ofSeconds(60));
        assertTrue(cache.obtain("k", minValidity, false, () -> newToken(Duration.ofSeconds(300))).fetched());
    }

    @Test
    void differentKeysGetDifferentTokens() throws Exception {
        cache.obtain("org-a", Duration.ZERO, false, () -> newToken(Duration.ofHours(1)));
        BuildTokenCache.Result b = cache.obtain("org-b", Duration.ZERO, false, () -> newToken(Duration.ofHours(1)));
        assertTrue(b.fetched());
        assertEquals(2, fetches.get());
    }

    @Test
    void offlineUsesAValidTokenAndOtherwiseFails() throws Exception {
        assertThrows(InvalidConfigurationException.class,
                () -> cache.obtain("k", Duration.ZERO, true, () -> newToken(Duration.ofHours(1))));
        assertEquals(0, fetches.get());
        cache.obtain("k", Duration.ZERO, false, () -> newToken(Duration.ofHours(1)));
        assertFalse(cache.obtain("k", Duration.ZERO, true, () -> newToken(Duration.ofHours(1))).fetched());
    }

    @Test
    void concurrentCallersWaitForOneFetch() throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<BuildTokenCache.Result>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return cache.obtain("k", Duration.ZERO, false, () -> {
                        sleepQuietly(200); // a slow fetch, so the others pile up behind it
                        return newToken(Duration.ofHours(1));
                    });
                }));
            }
            start.countDown();
            AccessToken first = results.get(0).get(10, TimeUnit.SECONDS).token();
            for (Future<BuildTokenCache.Result> result : results) {
                assertEquals(first.value(), result.get(10, TimeUnit.SECONDS).token().value());
            }
            assertEquals(1, fetches.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFailedFetchIsNotCachedAndALaterCallTriesAgain() throws Exception {
        assertThrows(TokenEndpointException.class, () -> cache.obtain("k", Duration.ZERO, false, () -> {
            throw new TokenEndpointException("down");
        }));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(cache.obtain("k", Duration.ZERO, false, () -> newToken(Duration.ofHours(1))).fetched());
    }

    /**
     * Under -T, modules that queued behind a failed fetch share its failure instead of each paying the full timeout
     * again; once the failure is older than the attempt took, a module tries again.
     */
    @Test
    void waitersBehindAFailedFetchShareItsFailure() throws Exception {
        BuildTokenCache real = new BuildTokenCache(new ConcurrentHashMap<>(), clock, dev.cxtoken.Ticker.SYSTEM);
        AtomicInteger attempts = new AtomicInteger();
        BuildTokenCache.Fetcher failing = () -> {
            attempts.incrementAndGet();
            sleepQuietly(300);
            throw new TokenEndpointException("No token from https://login.example/oauth/token within the timeout",
                    TokenEndpointException.Kind.UNAVAILABLE, null);
        };
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        long began = System.nanoTime();
        try {
            List<Future<Throwable>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        real.obtain("k", Duration.ZERO, false, failing);
                        return null;
                    } catch (CxTokenException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            for (Future<Throwable> result : results) {
                Throwable failure = result.get(10, TimeUnit.SECONDS);
                TokenEndpointException e = assertInstanceOf(TokenEndpointException.class, failure);
                assertEquals(TokenEndpointException.Kind.UNAVAILABLE, e.kind());
                assertTrue(e.getMessage().startsWith("No token from https://login.example/oauth/token"), e.getMessage());
            }
        } finally {
            pool.shutdownNow();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        assertEquals(1, attempts.get(), "every waiter repeated the failed fetch");
        assertTrue(millis < 2000, "the waiters took " + millis + " ms: they queued one timeout after another");
        sleepQuietly(700); // now the failure is older than the attempt took
        assertTrue(real.obtain("k", Duration.ZERO, false, () -> newToken(Duration.ofHours(1))).fetched());
    }

    @Test
    void storesOnlyJdkTypes() throws Exception {
        cache.obtain("k", Duration.ZERO, false, () -> newToken(Duration.ofHours(1)));
        assertThrows(TokenEndpointException.class, () -> cache.obtain("failing", Duration.ZERO, false, () -> {
            throw new TokenEndpointException("down");
        }));
        assertJdkOnly(store);
    }

    /** Other class realms of the plugin read these entries, so nothing in them may be a class of this plugin. */
    private static void assertJdkOnly(Object value) {
        assertTrue(value.getClass().getName().startsWith("java."), value.getClass().getName());
        if (value instanceof Map) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                assertJdkOnly(entry.getKey());
                assertJdkOnly(entry.getValue());
            }
        }
    }
}
