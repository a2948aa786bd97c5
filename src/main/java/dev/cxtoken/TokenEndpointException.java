package dev.cxtoken;

/**
 * The token endpoint could not be reached or misbehaved (network errors, timeouts, 5xx after every retry, answers that
 * are not a token response).
 */
public final class TokenEndpointException extends CxTokenException {
    private static final long serialVersionUID = 1L;

    /** What the failure says about the server, so that the layer that knows the parameters can add what to change. */
    public enum Kind {
        /** No usable answer in time or within the attempts: the server was down, slow or unreachable. */
        UNAVAILABLE,
        /** Anything else: a broken answer, a TLS or name problem. */
        OTHER
    }

    private final Kind kind;

    public TokenEndpointException(String message) {
        this(message, Kind.OTHER, null);
    }

    /** @param cause already free of secrets and server text; see {@code dev.cxtoken.http.RedactedCause} */
    public TokenEndpointException(String message, Kind kind, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public boolean isUserFixable() {
        return false;
    }
}
