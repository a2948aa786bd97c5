package dev.cxtoken.oauth;

import java.time.Duration;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * Decides whether and when to try a token request again.
 *
 * <p>When the server says when to come back (a {@code Retry-After} of at least a second on a 429 or 5xx), it is pacing
 * its clients rather than failing: the wait is honoured, never shortened, and the attempt does not use up
 * {@code maxAttempts}. Only the deadline bounds such waits, and a wait that would pass the deadline stops at once.
 * Counting them would make a rate-limited herd of builds fail although the server would have served every one of them
 * in time: twenty builds against a limit of five tokens a second need four rounds in the best case.
 *
 * <p>Every other failure counts toward {@code maxAttempts} and waits an exponential backoff with jitter.
 */
final class RetryPolicy {
    private static final Duration BASE_DELAY = Duration.ofMillis(500);
    private static final Duration MAX_DELAY = Duration.ofSeconds(30);
    /**
     * A shorter Retry-After (0, or a date that has just passed) is no real schedule. Treating it as one would let a
     * server that always answers "Retry-After: 0" keep us in a tight loop until the deadline.
     */
    private static final Duration MIN_SCHEDULED_WAIT = Duration.ofSeconds(1);
    /** The longest random extra added to a Retry-After; see {@link #spread}. */
    private static final Duration MAX_SPREAD = Duration.ofSeconds(5);

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
        /** Whether the failed attempt counts toward maxAttempts. */
        final boolean counted;

        private Decision(Duration wait, String stopReason, boolean counted) {
            this.wait = wait;
            this.stopReason = stopReason;
            this.counted = counted;
        }

        boolean retry() {
            return stopReason == null;
        }

        /** Whether the wait is the server's own Retry-After (plus spread) rather than a backoff. */
        boolean scheduledByServer() {
            return !counted;
        }
    }

    /**
     * @param failuresBefore failed attempts before this one that counted toward maxAttempts
     * @param retryAfter the server's requested wait, or null
     * @param remaining time left before the deadline
     */
    Decision afterFailure(int failuresBefore, Duration retryAfter, Duration remaining) {
        if (retryAfter != null && retryAfter.compareTo(MIN_SCHEDULED_WAIT) >= 0) {
            if (retryAfter.compareTo(remaining) >= 0) {
                return new Decision(null, "the server asked to wait " + seconds(retryAfter) + " s (Retry-After),"
                        + " beyond the " + seconds(remaining) + " s left of the timeout", false);
            }
            return new Decision(retryAfter.plus(spread(retryAfter, remaining.minus(retryAfter))), null, false);
        }
        int failures = failuresBefore + 1;
        if (failures >= maxAttempts) {
            return new Decision(null, "gave up after " + failures + (failures == 1 ? " attempt" : " attempts")
                    + " (maxAttempts " + maxAttempts + ")", true);
        }
        Duration wait = backoff(failures);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        if (wait.compareTo(remaining) >= 0) {
            return new Decision(null, "no time left for another attempt within the timeout", true);
        }
        return new Decision(wait, null, true);
    }

    /** Equal jitter: half the exponential delay, plus a random share of the other half. */
    Duration backoff(int attempt) {
        long exponential = BASE_DELAY.toMillis() << Math.min(attempt - 1, 16);
        long capped = Math.min(exponential, MAX_DELAY.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (jitter.getAsDouble() * (capped / 2)));
    }

    /**
     * A random extra on top of a Retry-After: up to a fifth of it, at most {@link #MAX_SPREAD}, and at most half the
     * time the deadline leaves after it. Never negative: Retry-After is a floor.
     *
     * <p>Why at all: Retry-After has whole-second resolution, so every client turned away within the same second is
     * told the same wait. Waiting exactly that long brings them back together in one burst that the limit turns away
     * again, round after round; a small random extra spreads each round over the window after the floor, so more of
     * them fit under the limit and fewer requests are wasted. Why so small: the server's word is the best estimate of
     * when capacity returns, and "Retry-After: 2" should still mean about two seconds.
     */
    Duration spread(Duration retryAfter, Duration slack) {
        long max = Math.min(Math.min(retryAfter.toMillis() / 5, MAX_SPREAD.toMillis()), slack.toMillis() / 2);
        return Duration.ofMillis((long) (jitter.getAsDouble() * Math.max(0, max)));
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }
}
