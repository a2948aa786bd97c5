package dev.cxtoken.http;

/**
 * Stands in for an exception from the HTTP stack in a cause chain. HttpClient's messages can quote a malformed header
 * or chunk line, which can be an echo of the Authorization header or the form; Maven prints causes under
 * {@code -e} and {@code -X}. So the chain keeps each link's type, scrubbed message and stack, never the original.
 */
public final class RedactedCause extends Exception {
    private static final long serialVersionUID = 1L;

    private RedactedCause(String message, RedactedCause cause) {
        super(message, cause);
    }

    public static RedactedCause of(Throwable original, Redactor redactor) {
        return copy(original, redactor, 0);
    }

    private static RedactedCause copy(Throwable original, Redactor redactor, int depth) {
        Throwable next = original.getCause();
        RedactedCause cause = next == null || next == original || depth >= 8 ? null : copy(next, redactor, depth + 1);
        String message = original.getMessage() == null ? "" : ": " + redactor.scrub(original.getMessage());
        RedactedCause copy = new RedactedCause(original.getClass().getName() + message, cause);
        copy.setStackTrace(original.getStackTrace());
        return copy;
    }

    /** Only the scrubbed message; never the type name of this wrapper. */
    @Override
    public String toString() {
        return getMessage();
    }
}
