package dev.cxtoken.token;

import dev.cxtoken.TokenLog;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * What happens to the tokens of one build after they are handed out: renewal while the build runs, and at its end,
 * in this order, renewals stopped, every token the build fetched revoked (unless an execution keeps it), and the
 * build's own files deleted.
 *
 * <p>The state lives in the build-wide store, in JDK types only ({@link Runnable}, {@link Callable},
 * {@link Consumer}, concurrent collections), so that modules loading the plugin in separate class realms share one
 * end of the build. The end is one action, stored on first use; whatever hook notices the end of the build (Maven's
 * session end, a JVM shutdown) runs it, and it runs once.
 */
public final class TokenLifecycle {
    static final String SECTION = "lifecycle";
    static final String ENDED_MARK = "ended";
    private static final String END_ACTION = "end-action";

    private final ConcurrentMap<String, Object> state;
    private final Renewals renewals;
    private final TokenLog log;

    /** @param log where the end of the build reports, when this execution is the first to set it up */
    public TokenLifecycle(ConcurrentMap<String, Object> store, Renewals renewals, TokenLog log) {
        this.state = BuildTokenCache.section(store, SECTION);
        this.renewals = renewals;
        this.log = log;
    }

    /** The build's one end-of-build action; running it a second time does nothing. */
    public Runnable endOfBuild() {
        return (Runnable) state.computeIfAbsent(END_ACTION, k -> (Runnable) this::end);
    }

    public boolean ended() {
        return state.containsKey(ENDED_MARK);
    }

    /** Keeps the tokens of {@code key} valid after the build: an execution set revoke to false. */
    void keep(String key) {
        set("kept").add(key);
    }

    /**
     * Registers a fetched token for revocation at the end of the build. A token fetched after the end (a renewal
     * that finished late) is revoked at once.
     *
     * @param revoke revokes the token; true when it is invalid now. Reports its own failures.
     */
    void revokeAtEnd(String key, Callable<Boolean> revoke) {
        if (ended()) {
            call(revoke);
            return;
        }
        this.<Map.Entry<String, Callable<Boolean>>>queue("revocations")
                .add(new AbstractMap.SimpleImmutableEntry<>(key, revoke));
    }

    /**
     * Registers something that holds the token of {@code key}, such as a file, to get the renewed token. One
     * registration per holder: later ones with the same name are ignored. Holders get the token in the order they
     * were registered, so a log mask registered first comes before the files that tests read.
     */
    public void onRenewal(String key, String holder, Consumer<String> refresher) {
        Map<String, Consumer<String>> holders = holders(key);
        synchronized (holders) {
            holders.putIfAbsent(holder, refresher);
        }
    }

    /** Hands a renewed token to every holder of {@code key}. */
    void renewed(String key, String token) {
        Map<String, Consumer<String>> holders = holders(key);
        List<Consumer<String>> inOrder;
        synchronized (holders) {
            inOrder = new ArrayList<>(holders.values());
        }
        for (Consumer<String> refresher : inOrder) {
            refresher.accept(token);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Consumer<String>> holders(String key) {
        return (Map<String, Consumer<String>>) map("renewal-holders").computeIfAbsent(key,
                k -> new LinkedHashMap<String, Consumer<String>>());
    }

    /** Runs {@code cleanup} at the end of the build, after revocation; once per name. */
    public void atEnd(String name, Runnable cleanup) {
        map("cleanups").putIfAbsent(name, cleanup);
    }

    /** Schedules the next renewal of {@code key}, replacing one scheduled before. */
    void schedule(String key, Runnable task, Duration delay) {
        Future<?> next = renewals.schedule(task, delay);
        Object previous = map("renewal-tasks").put(key, next);
        if (previous instanceof Future && previous != next) {
            ((Future<?>) previous).cancel(false);
        }
    }

    /** Why the tokens of {@code key} cannot be revoked, or null when they can: for the INFO line of a reuse. */
    String revocationGap(String key) {
        Object gap = map("revocation-gaps").get(key);
        return gap instanceof String && !((String) gap).isEmpty() ? (String) gap : null;
    }

    void revocationGap(String key, String gap) {
        map("revocation-gaps").put(key, gap == null ? "" : gap);
    }

    private void end() {
        if (state.putIfAbsent(ENDED_MARK, Boolean.TRUE) != null) {
            return;
        }
        renewals.stop();
        Set<String> kept = set("kept");
        int revoked = 0;
        int keptCount = 0;
        Map.Entry<String, Callable<Boolean>> next;
        Queue<Map.Entry<String, Callable<Boolean>>> revocations = queue("revocations");
        while ((next = revocations.poll()) != null) {
            if (kept.contains(next.getKey())) {
                keptCount++;
            } else if (call(next.getValue())) {
                revoked++;
            }
        }
        if (revoked > 0) {
            log.info("Revoked " + revoked + " token(s) at the end of the build.");
        }
        if (keptCount > 0) {
            log.debug("Kept " + keptCount + " token(s) valid after the build, because an execution that used them"
                    + " has revoke false or sets tokenFile.");
        }
        for (Object cleanup : map("cleanups").values()) {
            try {
                ((Runnable) cleanup).run();
            } catch (RuntimeException e) {
                log.warn("Could not clean up after the build: " + e.getMessage());
            }
        }
    }

    private boolean call(Callable<Boolean> revoke) {
        try {
            return Boolean.TRUE.equals(revoke.call());
        } catch (Exception e) {
            // Revocations report their own failures; this is only a guard so that one cannot stop the others.
            log.warn("A token could not be revoked at the end of the build: " + e.getMessage());
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private ConcurrentMap<String, Object> map(String name) {
        return (ConcurrentMap<String, Object>) state.computeIfAbsent(name,
                k -> new ConcurrentHashMap<String, Object>());
    }

    @SuppressWarnings("unchecked")
    private Set<String> set(String name) {
        return (Set<String>) state.computeIfAbsent(name, k -> ConcurrentHashMap.<String>newKeySet());
    }

    @SuppressWarnings("unchecked")
    private <T> Queue<T> queue(String name) {
        return (Queue<T>) state.computeIfAbsent(name, k -> new ConcurrentLinkedQueue<T>());
    }
}
