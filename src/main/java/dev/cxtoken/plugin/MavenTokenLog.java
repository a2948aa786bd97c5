package dev.cxtoken.plugin;

import dev.cxtoken.TokenLog;
import org.apache.maven.plugin.logging.Log;

/** Forwards the plain classes' messages to the mojo's log. */
final class MavenTokenLog implements TokenLog {
    private final Log log;

    MavenTokenLog(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }
}
