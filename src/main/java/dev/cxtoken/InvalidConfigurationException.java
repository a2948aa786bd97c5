package dev.cxtoken;

/** A parameter or credential source holds a value the plugin cannot use. Raised before any request is sent. */
public final class InvalidConfigurationException extends CxTokenException {
    private static final long serialVersionUID = 1L;

    public InvalidConfigurationException(String message) {
        super(message);
    }

    @Override
    public boolean isUserFixable() {
        return true;
    }
}
