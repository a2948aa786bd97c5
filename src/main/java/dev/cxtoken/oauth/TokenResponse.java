package dev.cxtoken.oauth;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.cxtoken.Secret;
import dev.cxtoken.TokenEndpointException;
import dev.cxtoken.TokenLog;
import dev.cxtoken.Urls;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads a token response (RFC 6749 §5.1) into an {@link AccessToken}, with its expiry computed as local time at the
 * answer plus the server's lifetime. Lifetimes are clamped before any arithmetic, so no value a server sends can
 * overflow, and a token that is already expired is refused rather than cached.
 */
final class TokenResponse {
    /** Used when the server gives no lifetime and the token is not a JWT with an exp claim. */
    static final Duration ASSUMED_LIFETIME = Duration.ofHours(1);
    /** No token lives longer; a larger value is taken as this, which changes no decision. */
    static final Duration MAX_LIFETIME = Duration.ofDays(3650);

    private TokenResponse() {}

    static AccessToken read(URI uri, int status, JsonObject json, Instant now, TokenLog log)
            throws TokenEndpointException {
        String accessToken = JsonFields.string(json, "access_token");
        if (accessToken == null) {
            throw new TokenEndpointException("The answer from " + uri + " (HTTP " + status + ") has no"
                    + " access_token; its fields are " + json.keySet() + ". Check that the URL is the OAuth token"
                    + " endpoint.");
        }
        String host = Urls.hostForDisplay(uri);
        Optional<BigDecimal> expiresIn = number(json.get("expires_in"));
        Instant expiresAt;
        if (expiresIn.isPresent()) {
            if (expiresIn.get().signum() <= 0) {
                throw expired(uri, "its expires_in is " + expiresIn.get().toPlainString());
            }
            expiresAt = now.plus(clampSeconds(expiresIn.get()));
        } else {
            Optional<BigDecimal> exp = Jwt.claims(accessToken).flatMap(claims -> number(claims.get("exp")));
            if (exp.isPresent()) {
                BigDecimal left = exp.get().subtract(BigDecimal.valueOf(now.getEpochSecond()));
                if (left.signum() <= 0) {
                    throw expired(uri, "it has no expires_in, and the token's own exp claim is already past");
                }
                expiresAt = left.compareTo(BigDecimal.valueOf(MAX_LIFETIME.getSeconds())) >= 0
                        ? now.plus(MAX_LIFETIME) : Instant.ofEpochSecond(exp.get().longValue());
                log.warn("The token response from " + host + " has no expires_in; using the token's own exp claim ("
                        + expiresAt + ").");
            } else {
                expiresAt = now.plus(ASSUMED_LIFETIME);
                log.warn("The token response from " + host + " has no expires_in; assuming the token lives "
                        + ASSUMED_LIFETIME.toMinutes() + " minutes.");
            }
        }
        String idToken = JsonFields.string(json, "id_token");
        return new AccessToken(Secret.of(accessToken), now, expiresAt, null,
                idToken == null ? null : Secret.of(idToken));
    }

    private static TokenEndpointException expired(URI uri, String why) {
        return new TokenEndpointException("The token from " + uri + " is already expired: " + why + ". The server"
                + " or its clock is misconfigured (a client lifetime of 0?); check the OAuth client's token"
                + " lifetime on the server. Nothing was cached.");
    }

    /** A number, or a string holding one, as some servers send; empty otherwise. */
    private static Optional<BigDecimal> number(JsonElement element) {
        if (element == null || !element.isJsonPrimitive()) {
            return Optional.empty();
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        try {
            String text = primitive.getAsString().trim();
            return text.length() > 60 ? Optional.empty() : Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Duration clampSeconds(BigDecimal seconds) {
        if (seconds.compareTo(BigDecimal.valueOf(MAX_LIFETIME.getSeconds())) >= 0) {
            return MAX_LIFETIME;
        }
        return Duration.ofSeconds(seconds.longValue());
    }
}
