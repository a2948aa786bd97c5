package dev.cxtoken;

/** No client id or secret was found in any of the places the plugin looks. Raised before any request is sent. */
public final class MissingCredentialsException extends CxTokenException {
    private static final long serialVersionUID = 1L;

    public MissingCredentialsException(String message) {
        super(message);
    }

    @Override
    public boolean isUserFixable() {
        return true;
    }
}
