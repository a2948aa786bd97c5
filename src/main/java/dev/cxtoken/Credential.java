package dev.cxtoken;

/**
 * What proves a client's identity: a secret, a signing key, or an assertion someone else issued. Like a secret, a
 * credential never shows its value in {@code toString()}.
 */
public interface Credential {
    /** A SHA-256 that tells credentials apart in cache keys; it reveals nothing of the value. */
    String fingerprint();

    /**
     * Null when the credential may authenticate any number of requests; otherwise why it cannot authenticate a second
     * one, for log lines: "the CI token cannot be presented twice".
     */
    default String singleUse() {
        return null;
    }
}
