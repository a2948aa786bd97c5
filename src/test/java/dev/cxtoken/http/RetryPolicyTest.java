package dev.cxtoken.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Duration PLENTY = Duration.ofSeconds(60);

    private static RetryPolicy policy(int maxAttempts, double jitter) {
        return new RetryPolicy(maxAttempts, () -> jitter);
    }

    @Test
    void retryAfterIsWaitedExactly() {
        for (double jitter : new double[] {0, 0.5, 0.9999}) {
            assertEquals(Duration.ofSeconds(2), policy(4, jitter).afterFailure(0, Duration.ofSeconds(2), true, PLENTY).wait);
        }
    }

    @Test
    void waitsTheServerAskedForDoNotCount() {
        RetryPolicy.Decision decision = policy(1, 0.5).afterFailure(0, Duration.ofSeconds(1), true, PLENTY);
        assertTrue(decision.retry());
        assertTrue(decision.scheduledByServer());
        assertFalse(decision.counted);
    }

    @Test
    void aWaitBeyondTheDeadlineStopsAtOnce() {
        RetryPolicy.Decision decision = policy(4, 0.5).afterFailure(0, Duration.ofSeconds(3600), true, PLENTY);
        assertFalse(decision.retry());
        assertEquals("the server asked to wait 3600 s (Retry-After), beyond the 60 s left of the timeout",
                decision.stopReason);
    }

    @Test
    void aRetryAfterUnderASecondIsAnOrdinaryFailure() {
        RetryPolicy.Decision zero = policy(4, 0).afterFailure(0, Duration.ZERO, true, PLENTY);
        assertTrue(zero.counted);
        assertEquals(Duration.ofMillis(250), zero.wait);
        RetryPolicy.Decision longerThanBackoff = policy(4, 0).afterFailure(0, Duration.ofMillis(900), true, PLENTY);
        assertTrue(longerThanBackoff.counted);
        assertEquals(Duration.ofMillis(900), longerThanBackoff.wait);
    }

    @Test
    void countedFailuresStopAtMaxAttempts() {
        assertTrue(policy(3, 0.5).afterFailure(1, null, false, PLENTY).retry());
        RetryPolicy.Decision last = policy(3, 0.5).afterFailure(2, null, false, PLENTY);
        assertFalse(last.retry());
        assertEquals("gave up after 3 attempts (maxAttempts 3)", last.stopReason);
    }

    @Test
    void backoffGrowsWithEqualJitterAndIsCapped() {
        for (int attempt = 1; attempt <= 8; attempt++) {
            long full = Math.min(500L << (attempt - 1), 30_000);
            assertEquals(full / 2, policy(20, 0).backoff(attempt).toMillis());
            assertTrue(policy(20, 0.9999).backoff(attempt).toMillis() < full);
        }
        assertEquals(Duration.ofSeconds(15), policy(20, 0).backoff(20));
    }

    @Test
    void noRetryWhenTheBackoffWouldPassTheDeadline() {
        RetryPolicy.Decision decision = policy(4, 0.5).afterFailure(0, null, false, Duration.ofMillis(100));
        assertFalse(decision.retry());
        assertEquals("no time left for another attempt within the timeout", decision.stopReason);
    }

    /** As the official Genesys SDKs do: a server that asks for more than 180 s is not waited for. */
    @Test
    void aServerAskingForMoreThanThreeMinutesIsNotWaitedFor() {
        Duration hour = Duration.ofHours(1);
        RetryPolicy.Decision decision = policy(4, 0.5).afterFailure(0, Duration.ofSeconds(181), true, hour);
        assertFalse(decision.retry());
        assertEquals("the server asked to wait 181 s (Retry-After), longer than the 180 s the plugin waits for a"
                + " server", decision.stopReason);
        assertTrue(policy(4, 0.5).afterFailure(0, Duration.ofSeconds(180), true, hour).retry());
    }

    /** Only 429 and 503 pace clients; a Retry-After on another status lengthens the backoff and counts. */
    @Test
    void aRetryAfterOnAnotherStatusCounts() {
        RetryPolicy.Decision decision = policy(4, 0).afterFailure(0, Duration.ofSeconds(2), false, PLENTY);
        assertTrue(decision.counted);
        assertEquals(Duration.ofSeconds(2), decision.wait);
        assertFalse(policy(1, 0).afterFailure(0, Duration.ofSeconds(2), false, PLENTY).retry());
    }
}
