package dev.cxtoken.oauth;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Decides whether and when to try a token request again: the server's {@code Retry-After} when it gives one,
 * otherwise exponential backoff with jitter; never beyond the attempt limit or the deadline.
 */
final class RetryPolicy {
    private static final Duration BASE_DELAY = Duration.ofMillis(500);
    private static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private final int maxAttempts;
    private final DoubleSupplier jitter;

    /** @param jitter returns values in [0, 1) */
    RetryPolicy(int maxAttempts, DoubleSupplier jitter) {
        this.maxAttempts = maxAttempts;
        this.jitter = jitter;
    }

    /** The outcome of a decision: a wait before the next attempt, or the reason to stop. */
    static final class Decision {
        final Duration wait;
        final String stopReason;

        private Decision(Duration wait, String stopReason) {
            this.wait = wait;
            this.stopReason = stopReason;
        }

        boolean retry() {
            return stopReason == null;
        }
    }

    /**
     * @param attempt the attempt that just failed, from 1
     * @param retryAfter the server's requested wait, or null
     * @param remaining time left before the deadline
     */
    Decision afterFailure(int attempt, Duration retryAfter, Duration remaining) {
        if (attempt >= maxAttempts) {
            return new Decision(null, "gave up after " + attempt + (attempt == 1 ? " attempt" : " attempts")
                    + " (maxAttempts " + maxAttempts + ")");
        }
        if (retryAfter != null) {
            if (retryAfter.compareTo(remaining) >= 0) {
                return new Decision(null, "the server asked to wait " + seconds(retryAfter) + " s (Retry-After),"
                        + " beyond the " + seconds(remaining) + " s left of the timeout");
            }
            return new Decision(retryAfter, null);
        }
        Duration wait = backoff(attempt);
        if (wait.compareTo(remaining) >= 0) {
            return new Decision(null, "no time left for another attempt within the timeout");
        }
        return new Decision(wait, null);
    }

    /** Equal jitter: half the exponential delay, plus a random share of the other half. */
    Duration backoff(int attempt) {
        long exponential = BASE_DELAY.toMillis() << Math.min(attempt - 1, 16);
        long capped = Math.min(exponential, MAX_DELAY.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (jitter.getAsDouble() * (capped / 2)));
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0);
    }
}
