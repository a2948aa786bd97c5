package dev.cxtoken.plugin;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;

/**
 * The stream a CI runner reads workflow commands from. Maven 3 (and mvnd) leave {@code System.out} as the build's
 * standard output. Maven 4 replaces it, unless run with {@code --raw-streams}, by a stream that logs each line as
 * {@code [INFO] [stdout] <line>}: a command no longer starts its line, so the runner would not act on it and would show
 * the line, value included. There the command goes to the process's standard output itself.
 */
final class RunnerStdout {
    /** Maven 4's System.out replacement (maven-core, org.apache.maven.logging.LoggingOutputStream.printStream()). */
    static final String MAVEN_4_LOGGING_STREAM = "org.apache.maven.logging.LoggingOutputStream$LoggingPrintStream";

    private RunnerStdout() {}

    static PrintStream of(PrintStream systemOut) {
        if (!MAVEN_4_LOGGING_STREAM.equals(systemOut.getClass().getName())) {
            return systemOut;
        }
        systemOut.flush();
        // Never closed: closing it would close the process's standard output.
        return new PrintStream(new FileOutputStream(FileDescriptor.out), true);
    }
}
