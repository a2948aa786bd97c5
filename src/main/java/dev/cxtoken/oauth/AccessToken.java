package dev.cxtoken.oauth;

import java.time.Duration;
import java.time.Instant;

/** An access token with its lifetime, as computed from local time at the response plus the server's lifetime. */
public final class AccessToken {
    private final Secret value;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final String apiBaseUrl;

    public AccessToken(Secret value, Instant issuedAt, Instant expiresAt, String apiBaseUrl) {
        this.value = value;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.apiBaseUrl = apiBaseUrl;
    }

    public Secret value() {
        return value;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** The API base URL for this token, or null. */
    public String apiBaseUrl() {
        return apiBaseUrl;
    }

    /**
     * Whether the token is still good for at least {@code minValidity} at {@code now}. For short-lived tokens the margin
     * shrinks to half the lifetime, so that a 5-minute token can still be shared within a build.
     */
    public boolean isUsableAt(Instant now, Duration minValidity) {
        Duration lifetime = Duration.between(issuedAt, expiresAt);
        Duration halfLife = lifetime.dividedBy(2);
        Duration margin = minValidity.compareTo(halfLife) > 0 ? halfLife : minValidity;
        return now.plus(margin).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken{value=[redacted], expiresAt=" + expiresAt + "}";
    }
}
