package dev.cxtoken.testing;

import dev.cxtoken.Ticker;
import dev.cxtoken.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A wall clock and a monotonic ticker that the test moves by hand, and a sleeper that moves both instead of waiting,
 * so tests of arithmetic take no real time.
 */
public final class ManualClock extends Clock implements Ticker, Sleeper {
    private volatile Instant now = Instant.parse("2026-11-21T10:00:00Z");
    private volatile long nanos = 1_000_000_000L;

    @Override
    public ZoneOffset getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public void sleep(Duration duration) {
        advance(duration);
    }

    /** Moves both clocks. */
    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
        nanos += duration.toNanos();
    }

    /** Moves the wall clock alone, as when the machine's clock is set. */
    public synchronized void stepWallClock(Duration duration) {
        now = now.plus(duration);
    }
}
