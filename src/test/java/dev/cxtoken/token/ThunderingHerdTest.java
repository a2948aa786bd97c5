package dev.cxtoken.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.plugin.Parameters;
import dev.cxtoken.testing.TestParameters;
import dev.cxtoken.credentials.CredentialResolver;
import dev.cxtoken.credentials.EnvironmentVariables;
import dev.cxtoken.http.ProxyRoute;
import dev.cxtoken.testing.RecordingLog;
import dev.cxtoken.testing.TestBuild;
import dev.cxtoken.testing.ScriptedHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Twenty-five builds start at the same moment, each with its own build-wide cache (so nothing is shared between them, as
 * between separate CI jobs), against a token endpoint that grants five tokens a second and turns the rest away with
 * 429 and Retry-After. With the default settings every build must get its token within its timeout.
 */
class ThunderingHerdTest {
    private static final int BUILDS = 25;
    private static final int TOKENS_PER_SECOND = 5;
    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** A sliding-window rate limit: at most {@link #TOKENS_PER_SECOND} grants in any one second. */
    private static final class RateLimitedEndpoint implements ScriptedHttpServer.Reply {
        private final Deque<Long> window = new ArrayDeque<>();
        private final List<Long> grants = new ArrayList<>();
        private int refusals;

        @Override
        public synchronized void write(Socket socket, OutputStream out) throws IOException, InterruptedException {
            long now = System.nanoTime();
            while (!window.isEmpty() && now - window.peekFirst() >= WINDOW_NANOS) {
                window.pollFirst();
            }
            if (window.size() < TOKENS_PER_SECOND) {
                window.addLast(now);
                grants.add(now);
                ScriptedHttpServer.token("herd-" + grants.size(), 3600).write(socket, out);
                return;
            }
            refusals++;
            long untilFree = window.peekFirst() + WINDOW_NANOS - now;
            long seconds = Math.max(1, (untilFree + WINDOW_NANOS - 1) / WINDOW_NANOS);
            ScriptedHttpServer.json(429, "{\"error\":\"too_many_requests\"}", "Retry-After", String.valueOf(seconds))
                    .write(socket, out);
        }

        synchronized List<Long> grants() {
            return new ArrayList<>(grants);
        }

        synchronized int refusals() {
            return refusals;
        }
    }

    /** One build: its own cache, credentials, client and random jitter, as in a separate Maven process. */
    private static final class Build {
        final TestBuild build = TestBuild.withClient("oauth2", TestBuild.SECRET);
        final RecordingLog log = build.log;

        Build(DoubleSupplier jitter) {
            build.jitter = jitter;
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void twentyFiveBuildsAtOnceAllGetATokenWithinTheirTimeout() throws Exception {
        RateLimitedEndpoint endpoint = new RateLimitedEndpoint();
        try (ScriptedHttpServer server = new ScriptedHttpServer(endpoint)) {
            // The defaults: timeout 60 s, maxAttempts 4, although the last builds need five rounds.
            Parameters config = TestParameters.oauth2(server.url("/token"));
            long timeoutMillis = Long.parseLong(config.get("timeout")) * 1000;
            ExecutorService pool = Executors.newFixedThreadPool(BUILDS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Long>> builds = new ArrayList<>();
            List<String> tokens = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < BUILDS; i++) {
                Build build = new Build(new Random()::nextDouble);
                builds.add(pool.submit(() -> {
                    start.await();
                    long begin = System.nanoTime();
                    TokenService.Outcome outcome = build.build.run(config).outcome();
                    assertTrue(outcome.fetched());
                    tokens.add(outcome.token().value().reveal());
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
                }));
            }
            long begin = System.nanoTime();
            start.countDown();
            long slowest = 0;
            for (Future<Long> build : builds) {
                slowest = Math.max(slowest, build.get(timeoutMillis + 10_000, TimeUnit.MILLISECONDS));
            }
            long totalMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
            pool.shutdownNow();

            int requests = server.requests().size();
            List<Long> grants = endpoint.grants();
            System.out.printf("Thundering herd: %d builds against %d tokens/s, default settings: all got a token in"
                    + " %.1f s (first after %.1f s, slowest build %.1f s); %d requests: %d granted, %d turned away"
                    + " with 429%n", BUILDS, TOKENS_PER_SECOND, totalMillis / 1000.0,
                    (grants.get(0) - begin) / 1e9, slowest / 1000.0, requests, grants.size(), endpoint.refusals());

            assertEquals(BUILDS, tokens.size());
            assertEquals(BUILDS, new HashSet<>(tokens).size(), "every build fetched its own token");
            assertEquals(BUILDS, grants.size());
            assertEquals(requests, grants.size() + endpoint.refusals());
            assertTrue(slowest < timeoutMillis, "slowest build took " + slowest + " ms");
            // The limit held: any six grants span more than a second, so twenty-five take at least four.
            for (int i = TOKENS_PER_SECOND; i < grants.size(); i++) {
                assertTrue(grants.get(i) - grants.get(i - TOKENS_PER_SECOND) >= WINDOW_NANOS);
            }
            assertTrue(totalMillis >= 4000, "faster than the limit allows: " + totalMillis + " ms");
            // The herd was really throttled, and came back once a round as told rather than hammering the server: in
            // rounds of five grants that is 25 + 20 + 15 + 10 + 5 = 75 requests and about four seconds.
            assertTrue(endpoint.refusals() >= BUILDS - TOKENS_PER_SECOND, "refusals: " + endpoint.refusals());
            assertTrue(requests <= 90, "requests: " + requests);
            assertTrue(totalMillis < 12_000, "the herd took " + totalMillis + " ms");
        }
    }
}
