package dev.cxtoken.oauth;

/**
 * The token endpoint could not be reached or misbehaved (network errors, timeouts, 5xx after every retry, answers that
 * are not a token response).
 */
public final class TokenEndpointException extends CxTokenException {
    private static final long serialVersionUID = 1L;

    public TokenEndpointException(String message) {
        super(message);
    }

    public TokenEndpointException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isUserFixable() {
        return false;
    }
}
