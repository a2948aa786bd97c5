package dev.cxtoken.oauth;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Reads token responses (RFC 6749 §5.1) and error responses (§5.2) without ever quoting a token. */
final class TokenResponseParser {
    /** Used when the server gives no lifetime and the token is not a JWT with an exp claim. */
    static final Duration ASSUMED_LIFETIME = Duration.ofHours(1);

    private TokenResponseParser() {}

    /** The body as a JSON object, or empty when it is not one. */
    static Optional<JsonObject> parseObject(String body) {
        try {
            JsonElement element = JsonParser.parseString(body);
            return element.isJsonObject() ? Optional.of(element.getAsJsonObject()) : Optional.empty();
        } catch (JsonParseException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    static String stringField(JsonObject object, String name) {
        JsonElement element = object.get(name);
        if (element == null || !element.isJsonPrimitive()) {
            return null;
        }
        String value = element.getAsString().trim();
        return value.isEmpty() ? null : value;
    }

    /** expires_in as a number of seconds; some servers send it as a string. */
    static Optional<Long> expiresInSeconds(JsonObject object) {
        JsonElement element = object.get("expires_in");
        if (element == null || !element.isJsonPrimitive()) {
            return Optional.empty();
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        try {
            long seconds = primitive.isNumber()
                    ? primitive.getAsBigDecimal().longValue()
                    : Long.parseLong(primitive.getAsString().trim());
            return seconds > 0 ? Optional.of(seconds) : Optional.empty();
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** The exp claim of a JWT, read without checking the signature: only the lifetime is wanted. */
    static Optional<Instant> jwtExpiry(String token) {
        Optional<JsonObject> claims = jwtClaims(token);
        if (!claims.isPresent()) {
            return Optional.empty();
        }
        JsonElement exp = claims.get().get("exp");
        if (exp == null || !exp.isJsonPrimitive() || !exp.getAsJsonPrimitive().isNumber()) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(exp.getAsLong()));
    }

    /**
     * The claims of a JWT, decoded without checking the signature. Callers only read facts the token's own issuer
     * stated over TLS (its lifetime, the tenant), never trust decisions. Empty when the token is not a JWT.
     */
    static Optional<JsonObject> jwtClaims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return parseObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
