package dev.cxtoken.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        return runProcess(command, "the child JVM");
    }

    /** Runs a command with no input, waiting at most 60 s; returns its exit code and its output and errors. */
    static Result runProcess(List<String> command, String what) throws IOException {
        // Output goes to a file, so a process that keeps its output open cannot outlast the wait.
        Path output = Files.createTempFile("process-output", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            process.getOutputStream().close(); // a tool must never wait for an answer at a prompt
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IOException(what + " did not finish within 60 s: " + Files.readString(output));
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + what, e);
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
