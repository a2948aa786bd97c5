package dev.cxtoken.oauth;

import dev.cxtoken.Secret;
import java.time.Duration;
import java.time.Instant;

/** An access token with its lifetime, as computed from local time at the response plus the server's lifetime. */
public final class AccessToken {
    private final Secret value;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final String apiBaseUrl;
    private final Secret idToken;

    public AccessToken(Secret value, Instant issuedAt, Instant expiresAt, String apiBaseUrl) {
        this(value, issuedAt, expiresAt, apiBaseUrl, null);
    }

    /** @param idToken the OpenID id_token that came with the access token, or null */
    public AccessToken(Secret value, Instant issuedAt, Instant expiresAt, String apiBaseUrl, Secret idToken) {
        this.value = value;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.apiBaseUrl = apiBaseUrl;
        this.idToken = idToken;
    }

    /** The same token with the API base URL found for it, or none. */
    public AccessToken withApiBaseUrl(String url) {
        return new AccessToken(value, issuedAt, expiresAt, url, idToken);
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
     * The id_token of the token response, or null. Only a token just fetched has one: the build-wide cache keeps
     * what is published, and the id_token is read once, right after the fetch (CXone names the tenant in it).
     */
    public Secret idToken() {
        return idToken;
    }

    /**
     * Whether the token is still good for at least {@code minValidity} at {@code now}. For short-lived tokens the margin
     * shrinks to half the lifetime, so that a 5-minute token can still be shared within a build.
     */
    public boolean isUsableAt(Instant now, Duration minValidity) {
        return now.isBefore(renewalDue(minValidity));
    }

    /** From when on the token is no longer good for {@code minValidity}, by the rule of {@link #isUsableAt}. */
    public Instant renewalDue(Duration minValidity) {
        Duration halfLife = Duration.between(issuedAt, expiresAt).dividedBy(2);
        return expiresAt.minus(minValidity.compareTo(halfLife) > 0 ? halfLife : minValidity);
    }

    @Override
    public String toString() {
        return "AccessToken{value=[redacted], expiresAt=" + expiresAt + "}";
    }
}
