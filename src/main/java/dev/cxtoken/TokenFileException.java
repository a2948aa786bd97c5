package dev.cxtoken;

import java.nio.file.Path;

/** The token could not be written to the configured token file; the path or its permissions need changing. */
public final class TokenFileException extends CxTokenException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public TokenFileException(Path file, String reason, String fix) {
        super("Cannot write the token to " + file + " (parameter tokenFile, property cxtoken.tokenFile): " + reason
                + ". " + fix);
        this.reason = reason;
    }

    /** What went wrong, without the advice, which is about tokenFile. */
    public String reason() {
        return reason;
    }

    @Override
    public boolean isUserFixable() {
        return true;
    }
}
