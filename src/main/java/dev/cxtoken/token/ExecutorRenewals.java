package dev.cxtoken.token;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Renewals on one daemon thread per build, kept in the build-wide store (a JDK type, so every class realm of the
 * plugin shares it). The executor is made on the first schedule, and its thread then sleeps until a token is due:
 * a build without renewals, or one that ends before any token needs one, wakes no thread.
 */
public final class ExecutorRenewals implements Renewals {
    private static final String KEY = "renewal-executor";
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final ConcurrentMap<String, Object> state;

    public ExecutorRenewals(ConcurrentMap<String, Object> store) {
        this.state = BuildTokenCache.section(store, TokenLifecycle.SECTION);
    }

    @Override
    public Future<?> schedule(Runnable task, Duration delay) {
        if (state.containsKey(TokenLifecycle.ENDED_MARK)) {
            return CompletableFuture.completedFuture(null);
        }
        ScheduledThreadPoolExecutor executor = (ScheduledThreadPoolExecutor) state.computeIfAbsent(KEY, k -> {
            ScheduledThreadPoolExecutor made = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "cx-token-renewal");
                thread.setDaemon(true);
                return thread;
            });
            made.setRemoveOnCancelPolicy(true);
            made.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            return made;
        });
        try {
            return executor.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // The build ended between the check and the schedule.
            return CompletableFuture.completedFuture(null);
        }
    }

    @Override
    public void stop() {
        Object executor = state.get(KEY);
        if (!(executor instanceof ScheduledThreadPoolExecutor)) {
            return;
        }
        ScheduledThreadPoolExecutor running = (ScheduledThreadPoolExecutor) executor;
        running.shutdownNow();
        try {
            running.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
