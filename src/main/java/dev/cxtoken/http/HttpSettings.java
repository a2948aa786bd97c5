package dev.cxtoken.http;

import java.time.Duration;

/** Time and retry limits for one token fetch. */
public final class HttpSettings {
    private final Duration timeout;
    private final int maxAttempts;
    private final Duration connectTimeout;
    private final Duration responseTimeout;

    public HttpSettings(Duration timeout, int maxAttempts, Duration connectTimeout, Duration responseTimeout) {
        this.timeout = timeout;
        this.maxAttempts = maxAttempts;
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
    }

    /**
     * The limits of an end-of-build revocation, which must never hold a build up: one attempt and one retry, within
     * 5 s in all.
     */
    public HttpSettings forRevocation() {
        Duration most = Duration.ofSeconds(5);
        return new HttpSettings(most, 2, shorter(connectTimeout, most), shorter(responseTimeout, most));
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The whole fetch, retries and waits included. */
    public Duration timeout() {
        return timeout;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The longest wait for the next bytes of an answer. */
    public Duration responseTimeout() {
        return responseTimeout;
    }
}
