package dev.cxtoken.token;

import java.time.Duration;
import java.util.concurrent.Future;

/** Where background renewals run: one scheduled task per token, never a polling loop. */
public interface Renewals {
    /** Runs {@code task} once after {@code delay}, on a background thread. */
    Future<?> schedule(Runnable task, Duration delay);

    /** Cancels what is scheduled and waits briefly for a renewal in flight. Scheduling afterwards does nothing. */
    void stop();
}
