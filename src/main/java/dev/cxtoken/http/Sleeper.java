package dev.cxtoken.http;

import java.time.Duration;

/** Waits between attempts; tests substitute one that moves their clocks instead. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());
}
