package dev.cxtoken;

import java.nio.file.Path;

/** The token could not be written to the configured token file; the path or its permissions need changing. */
public final class TokenFileException extends CxTokenException {
    private static final long serialVersionUID = 1L;

    public TokenFileException(Path file, String reason, String fix) {
        super("Cannot write the token to " + file + " (parameter tokenFile, property cxtoken.tokenFile): " + reason
                + ". " + fix);
    }

    @Override
    public boolean isUserFixable() {
        return true;
    }
}
