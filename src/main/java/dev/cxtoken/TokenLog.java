package dev.cxtoken;

/** Where the plain classes report progress; the mojo forwards to Maven's log. Never pass a secret. */
public interface TokenLog {
    void info(String message);

    void warn(String message);

    void debug(String message);

    /**
     * This log with warnings turned into debug lines, for background work that words its own warning: a renewal's
     * retries are one WARN line per failed renewal, not one per attempt.
     */
    default TokenLog warningsAsDebug() {
        TokenLog log = this;
        return new TokenLog() {
            @Override
            public void info(String message) {
                log.info(message);
            }

            @Override
            public void warn(String message) {
                log.debug(message);
            }

            @Override
            public void debug(String message) {
                log.debug(message);
            }
        };
    }

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
