package dev.cxtoken;

/**
 * The token endpoint answered with a definite refusal (an OAuth error, 4xx, a redirect): sending the same request
 * again would not help, but changing the credentials or configuration would.
 */
public final class TokenRequestRejectedException extends CxTokenException {
    private static final long serialVersionUID = 1L;

    public TokenRequestRejectedException(String message) {
        super(message);
    }

    @Override
    public boolean isUserFixable() {
        return true;
    }
}
