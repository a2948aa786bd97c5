package dev.cxtoken;

/**
 * A monotonic clock for deadlines and ages. Wall-clock time ({@link java.time.Clock}) can jump when the machine's
 * clock is set, so it serves only for expiry instants; every "how long is left" question asks a ticker.
 */
@FunctionalInterface
public interface Ticker {
    /** Nanoseconds from an arbitrary origin; only differences mean anything. */
    long nanoTime();

    Ticker SYSTEM = System::nanoTime;
}
