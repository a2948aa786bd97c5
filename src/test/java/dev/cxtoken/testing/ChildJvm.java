package dev.cxtoken.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test main class in a fresh JVM with its own system properties. JVM-wide settings such as
 * {@code javax.net.ssl.trustStore} or {@code https.proxyHost} are read once per JVM, so only a fresh one shows their
 * effect, and setting them in the test JVM would leak into every later test.
 */
public final class ChildJvm {
    /** The exit code and everything the child printed. */
    public static final class Result {
        public final int exitCode;
        public final String output;

        Result(int exitCode, String output) {
            this.exitCode = exitCode;
            this.output = output;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + ": " + output;
        }
    }

    private ChildJvm() {}

    public static Result run(Class<?> mainClass, List<String> systemProperties, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.add("-XX:TieredStopAtLevel=1");
        // Keeps the child's HttpClient debug lines out of the log file the test JVM is writing.
        command.add("-Dorg.slf4j.simpleLogger.logFile=System.err");
        command.addAll(systemProperties);
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(mainClass.getName());
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("The child JVM did not finish within 60 s: " + output);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the child JVM", e);
        }
        return new Result(process.exitValue(), output);
    }
}
