package dev.cxtoken;

/**
 * A failure to obtain a token, with a message written for the person running the build: what happened, where, and what
 * to change. Messages never contain a secret.
 */
public abstract class CxTokenException extends Exception {
    private static final long serialVersionUID = 1L;

    protected CxTokenException(String message) {
        super(message);
    }

    protected CxTokenException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the user can fix the cause (configuration, credentials); false for unexpected failures. */
    public abstract boolean isUserFixable();
}
