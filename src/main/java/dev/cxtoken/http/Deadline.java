package dev.cxtoken.http;

import dev.cxtoken.Ticker;
import java.time.Duration;

/**
 * The end of one fetch, on the monotonic clock: every exchange of the fetch (discovery, token request, lookups) and
 * every wait between attempts draws on it, so a step of the wall clock neither stretches nor cuts it.
 */
public final class Deadline {
    private final Ticker ticker;
    private final long endNanos;
    private final Duration total;

    private Deadline(Ticker ticker, long endNanos, Duration total) {
        this.ticker = ticker;
        this.endNanos = endNanos;
        this.total = total;
    }

    public static Deadline after(Duration total, Ticker ticker) {
        return new Deadline(ticker, ticker.nanoTime() + total.toNanos(), total);
    }

    /** Time left, never negative. */
    public Duration remaining() {
        long left = endNanos - ticker.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    public boolean passed() {
        return endNanos - ticker.nanoTime() <= 0;
    }

    /** The whole allowance, as configured: what messages call "the timeout". */
    public Duration total() {
        return total;
    }
}
