package dev.cxtoken.oauth;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads a JWT's claims without checking its signature. Callers read only facts the token's own issuer stated over
 * TLS (its lifetime, the tenant), and check anything that decides where the build sends its token.
 */
public final class Jwt {
    private Jwt() {}

    /** The claims, or empty when the value is not a JWT. */
    public static Optional<JsonObject> claims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            com.google.gson.JsonElement element = JsonParser.parseString(json);
            return element.isJsonObject() ? Optional.of(element.getAsJsonObject()) : Optional.empty();
        } catch (IllegalArgumentException | JsonParseException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
