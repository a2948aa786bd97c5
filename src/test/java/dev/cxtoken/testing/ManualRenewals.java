package dev.cxtoken.testing;

import dev.cxtoken.token.Renewals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * Renewals that run when the test says so: each task is due at the clock's time plus its delay, and
 * {@link #runDue()} runs what is due, in order, on the test's thread. No thread, no real wait.
 */
public final class ManualRenewals implements Renewals {
    private final Clock clock;
    private final List<Task> tasks = new ArrayList<>();
    private boolean stopped;

    private static final class Task {
        final Instant due;
        final Runnable action;
        final CompletableFuture<Void> future = new CompletableFuture<>();

        Task(Instant due, Runnable action) {
            this.due = due;
            this.action = action;
        }
    }

    public ManualRenewals(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Future<?> schedule(Runnable task, Duration delay) {
        if (stopped) {
            return CompletableFuture.completedFuture(null);
        }
        Task scheduled = new Task(clock.instant().plus(delay), task);
        tasks.add(scheduled);
        return scheduled.future;
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        for (Task task : tasks) {
            task.future.cancel(false);
        }
        tasks.clear();
    }

    /** Runs every task that is due now, those it schedules included when they are due too; returns how many ran. */
    public int runDue() {
        int ran = 0;
        for (Task next = nextDue(); next != null; next = nextDue()) {
            next.action.run();
            next.future.complete(null);
            ran++;
        }
        return ran;
    }

    /** When the next live task is due, or null. */
    public synchronized Instant nextDueAt() {
        return tasks.stream().filter(t -> !t.future.isCancelled()).map(t -> t.due).min(Comparator.naturalOrder())
                .orElse(null);
    }

    /** Tasks scheduled and neither run nor cancelled. */
    public synchronized int pending() {
        return (int) tasks.stream().filter(t -> !t.future.isDone()).count();
    }

    public synchronized boolean stopped() {
        return stopped;
    }

    private synchronized Task nextDue() {
        tasks.removeIf(t -> t.future.isCancelled());
        Task first = tasks.stream().filter(t -> !t.due.isAfter(clock.instant()))
                .min(Comparator.comparing(t -> t.due)).orElse(null);
        if (first != null) {
            tasks.remove(first);
        }
        return first;
    }
}
