package dev.cxtoken.http;

import java.time.Duration;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * Decides whether and when to try a token request again.
 *
 * <p>When the server says when to come back (a {@code Retry-After} of at least a second on a 429 or 503), it is pacing
 * its clients rather than failing: the attempt does not use up {@code maxAttempts}, and only the deadline bounds such
 * waits; a wait that would pass the deadline stops at once. Counting them would make a rate-limited herd of builds
 * fail although the server would have served every one of them in time: twenty-five builds against a limit of five
 * tokens a second need five rounds, one more than the default maxAttempts allows.
 *
 * <p>Such a wait is exactly what the server asked, without jitter. Clients turned away in the same second are told the
 * same whole-second wait and come back together, but a server rounds Retry-After up, so none of them comes back before
 * capacity does; each round it serves its full quota and turns away the rest, and spreading arrivals within the
 * round changes neither. Measured with twenty and forty builds against five tokens a second (ThunderingHerdTest):
 * random extras of up to a fifth of the wait sent exactly as many requests (50 and 180) and took 0.5 to 1 s longer. A
 * server that wants its clients spread out says so through the values it sends.
 *
 * <p>Every other failure counts toward {@code maxAttempts} and waits an exponential backoff with jitter: there the
 * client alone picks the moment, and without jitter builds that failed together would retry together.
 */
final class RetryPolicy {
    private static final Duration BASE_DELAY = Duration.ofMillis(500);
    private static final Duration MAX_DELAY = Duration.ofSeconds(30);
    /**
     * A shorter Retry-After (0, or a date that has just passed) is no real schedule. Treating it as one would let a
     * server that always answers "Retry-After: 0" keep us in a tight loop until the deadline.
     */
    private static final Duration MIN_SCHEDULED_WAIT = Duration.ofSeconds(1);
    /** The official Genesys Cloud SDKs give up on a Retry-After beyond this; so does the plugin. */
    static final Duration MAX_SERVER_WAIT = Duration.ofSeconds(180);

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

        /** Whether the wait is the server's own Retry-After rather than a backoff. */
        boolean scheduledByServer() {
            return !counted;
        }
    }

    /**
     * @param failuresBefore failed attempts before this one that counted toward maxAttempts
     * @param retryAfter the server's requested wait, or null
     * @param paced whether the answer was one that paces clients (429, 503), whose Retry-After is a schedule
     * @param remaining time left before the deadline
     */
    Decision afterFailure(int failuresBefore, Duration retryAfter, boolean paced, Duration remaining) {
        if (retryAfter != null && retryAfter.compareTo(MIN_SCHEDULED_WAIT) >= 0) {
            if (retryAfter.compareTo(remaining) >= 0) {
                return new Decision(null, "the server asked to wait " + seconds(retryAfter) + " s (Retry-After),"
                        + " beyond the " + seconds(remaining) + " s left of the timeout", !paced);
            }
            if (retryAfter.compareTo(MAX_SERVER_WAIT) > 0) {
                return new Decision(null, "the server asked to wait " + seconds(retryAfter) + " s (Retry-After),"
                        + " longer than the " + seconds(MAX_SERVER_WAIT) + " s the plugin waits for a server", !paced);
            }
            if (paced) {
                return new Decision(retryAfter, null, false);
            }
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

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }
}
