package dev.cxtoken;

/** Where the plain classes report progress; the mojo forwards to Maven's log. Never pass a secret. */
public interface TokenLog {
    void info(String message);

    void warn(String message);

    void debug(String message);

    /** A log that drops everything, for callers that do not care. */
    TokenLog SILENT = new TokenLog() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void debug(String message) {}
    };
}
