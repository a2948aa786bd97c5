package dev.cxtoken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * A client secret or an access token. Its {@link #toString()} never shows the value, so a secret that ends up in a
 * log statement, an exception message or a debugger view stays hidden; only {@link #reveal()} hands it out.
 */
public final class Secret implements Credential {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        return new Secret(value);
    }

    /** The plain value, for the places that must send or publish it. */
    public String reveal() {
        return value;
    }

    /** A SHA-256 fingerprint, to tell secrets apart in cache keys without keeping the value there. */
    @Override
    public String fingerprint() {
        return sha256(value.getBytes(StandardCharsets.UTF_8));
    }

    /** The SHA-256 of {@code bytes} in hex, for fingerprints of credentials. */
    public static String sha256(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8),
                        ((Secret) other).value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "[redacted]";
    }
}
