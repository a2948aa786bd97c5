package dev.cxtoken.token;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.TokenLog;
import dev.cxtoken.oauth.AccessToken;
import dev.cxtoken.provider.Fetched;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Renews one token of the build in the background when it has less than minValidity left (by the same rule as reuse),
 * with the same exchange, retries and deadline as the first fetch. While renewal fails, the old token stays in use as
 * long as it is valid, and renewal tries again with growing waits; each failure is one WARN line, and a failure at
 * expiry is the last one.
 */
final class TokenRenewal implements Runnable {
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(60);

    /** Registers a token this renewal fetched, for revocation at the end of the build. */
    interface Registrar {
        void fetched(Fetched fetched);
    }

    private final String key;
    private final String what;
    private final BuildTokenCache.Fetcher fetcher;
    private final BuildTokenCache cache;
    private final TokenLifecycle lifecycle;
    private final Registrar registrar;
    private final Duration minValidity;
    private final Clock clock;
    private final TokenLog log;
    private volatile AccessToken current;
    private Duration nextWait = FIRST_RETRY;

    /** @param what names the token in log lines, such as "genesys token for client 3c5a7f1e…" */
    TokenRenewal(String key, String what, BuildTokenCache.Fetcher fetcher, BuildTokenCache cache,
            TokenLifecycle lifecycle, Registrar registrar, Duration minValidity, Clock clock, TokenLog log) {
        this.key = key;
        this.what = what;
        this.fetcher = fetcher;
        this.cache = cache;
        this.lifecycle = lifecycle;
        this.registrar = registrar;
        this.minValidity = minValidity;
        this.clock = clock;
        this.log = log;
    }

    /** Schedules the renewal of {@code token}. */
    void start(AccessToken token) {
        current = token;
        lifecycle.schedule(key, this, until(token.renewalDue(minValidity)));
    }

    @Override
    public void run() {
        if (lifecycle.ended()) {
            return;
        }
        AccessToken old = current;
        Instant attempted = clock.instant();
        Fetched fresh;
        try {
            fresh = fetcher.fetch();
        } catch (CxTokenException e) {
            failed(old, attempted, e.getMessage());
            return;
        } catch (RuntimeException e) {
            failed(old, attempted, "unexpected failure (" + e.getClass().getSimpleName() + ")");
            return;
        }
        registrar.fetched(fresh);
        if (lifecycle.ended()) {
            return;
        }
        cache.replace(key, fresh);
        lifecycle.renewed(key, fresh.token().value().reveal());
        log.info("Renewed the " + what + " in the background; the new one is valid until "
                + instant(fresh.token().expiresAt()) + ".");
        nextWait = FIRST_RETRY;
        start(fresh.token());
    }

    private void failed(AccessToken old, Instant attempted, String problem) {
        if (!attempted.isBefore(old.expiresAt())) {
            log.warn("The " + what + " expired at " + instant(old.expiresAt()) + " and could not be renewed: "
                    + problem + " No more background attempts: modules that start from now on fetch a new token,"
                    + " and until then the token file holds the expired one.");
            return;
        }
        Instant retry = attempted.plus(nextWait);
        if (retry.isAfter(old.expiresAt())) {
            retry = old.expiresAt();
        }
        nextWait = nextWait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : nextWait.multipliedBy(2);
        log.warn("Could not renew the " + what + ": " + problem + " Trying again in "
                + Math.max(1, Duration.between(attempted, retry).getSeconds()) + " s; until then the current token,"
                + " valid until " + instant(old.expiresAt()) + ", stays in use.");
        lifecycle.schedule(key, this, until(retry));
    }

    private Duration until(Instant when) {
        Duration delay = Duration.between(clock.instant(), when);
        return delay.isNegative() ? Duration.ZERO : delay;
    }

    private static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
