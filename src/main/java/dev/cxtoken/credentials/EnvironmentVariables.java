package dev.cxtoken.credentials;

import dev.cxtoken.InvalidConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads a credential from an environment variable {@code NAME}, or from the file named by {@code NAME_FILE} (Docker and
 * Kubernetes secrets, GitLab file variables). Values are trimmed; a variable that is set but blank is an error rather
 * than "not set", because it almost always means a CI variable that did not expand.
 */
public final class EnvironmentVariables {
    private static final long MAX_FILE_BYTES = 64 * 1024;
    /** What a configured variable name must look like to be shown in a message: anything else may be a secret. */
    private static final Pattern SHOWABLE_NAME = Pattern.compile("[A-Z_][A-Z0-9_]{0,63}");

    private final Function<String, String> lookup;
    private final Supplier<Set<String>> names;

    /** @param lookup returns the variable's value, or null when it is not set */
    public EnvironmentVariables(Function<String, String> lookup) {
        this(lookup, Collections::emptySet);
    }

    /**
     * @param lookup returns the variable's value, or null when it is not set
     * @param names the names of every variable set in the build, to recognise a value configured as a name
     */
    public EnvironmentVariables(Function<String, String> lookup, Supplier<Set<String>> names) {
        this.lookup = lookup;
        this.names = names;
    }

    /**
     * Checks a parameter that names an environment variable, such as clientSecretEnv, before the name is used or
     * shown anywhere. A newcomer writes {@code <clientSecretEnv>${env.GENESYS_CLIENT_SECRET}</clientSecretEnv>},
     * which puts the secret itself there; so a value is shown only when it looks like a variable name, and a value
     * that equals the value of a variable of the build is named by that variable, never shown.
     */
    public void checkName(String parameter, String configured) throws InvalidConfigurationException {
        if (configured == null || configured.trim().isEmpty()) {
            return;
        }
        String name = configured.trim();
        String where = parameter + " (property cxtoken." + parameter + ")";
        if (lookup.apply(name) != null || lookup.apply(name + "_FILE") != null) {
            return; // a variable of the build: a name, whatever it looks like
        }
        Set<String> holders = new TreeSet<>();
        for (String variable : names.get()) {
            String value = lookup.apply(variable);
            if (value != null && value.trim().equals(name)) {
                holders.add(variable);
            }
        }
        if (!holders.isEmpty()) {
            String holder = holders.iterator().next();
            // A value shaped like a name may be one, read through another variable and not set here: say both.
            String ifName = SHOWABLE_NAME.matcher(name).matches() ? " If " + name + " is the variable you meant, it"
                    + " is not set in this build." : "";
            throw new InvalidConfigurationException(where + " must name a variable; it holds the value of one, "
                    + holder + (holders.size() > 1 ? " (and " + (holders.size() - 1) + " more)" : "") + ". Write"
                    + " the name itself, <" + parameter + ">" + holder + "</" + parameter + ">, not ${env."
                    + holder + "}, or leave " + parameter + " out to use its default." + ifName);
        }
        if (!SHOWABLE_NAME.matcher(name).matches()) {
            throw new InvalidConfigurationException(where + " must name an environment variable, but its value ("
                    + name.length() + " characters, not shown) is neither a variable of this build nor an upper-case"
                    + " name of A-Z, 0-9 and '_', such as GENESYS_CLIENT_SECRET. It names the variable; never put"
                    + " the value itself here.");
        }
    }

    /** A value with a description of where it was read. */
    public static final class Value {
        private final String value;
        private final String source;

        Value(String value, String source) {
            this.value = value;
            this.source = source;
        }

        public String value() {
            return value;
        }

        public String source() {
            return source;
        }

        @Override
        public String toString() {
            return "Value{[redacted] from " + source + "}";
        }
    }

    /** The variable's value as it is, or null: for flags such as GITHUB_ACTIONS, never for credentials. */
    public String raw(String name) {
        return lookup.apply(name);
    }

    public Optional<Value> read(String name) throws InvalidConfigurationException {
        String direct = lookup.apply(name);
        String fileName = lookup.apply(name + "_FILE");
        if (direct != null && fileName != null) {
            throw new InvalidConfigurationException("Both environment variables " + name + " and " + name
                    + "_FILE are set. Keep one: " + name + " holds the value, " + name
                    + "_FILE the path of a file that holds it.");
        }
        if (direct != null) {
            String trimmed = direct.trim();
            if (isReadableFile(trimmed)) {
                // Never read in its place: the variable's name says it holds the value itself.
                throw new InvalidConfigurationException("Environment variable " + name + " holds the path of an"
                        + " existing file (not shown), not a value. This looks like a GitLab CI variable of type"
                        + " File, for which GitLab puts the path of a temporary file in the variable: name that CI"
                        + " variable " + name + "_FILE instead, or change its type to Variable.");
            }
            if (trimmed.isEmpty()) {
                throw new InvalidConfigurationException("Environment variable " + name + " is set but empty. Set it"
                        + " to the value, or unset it. In CI, check that the CI variable it refers to exists and is"
                        + " available to this branch (GitLab protected variables are not available to unprotected"
                        + " branches).");
            }
            return Optional.of(new Value(trimmed, "environment variable " + name));
        }
        if (fileName != null) {
            return Optional.of(new Value(readFile(name + "_FILE", fileName.trim()), "file named by " + name + "_FILE"));
        }
        return Optional.empty();
    }

    /** An absolute path to a readable regular file: what a GitLab File variable holds. */
    public static boolean isReadableFile(String value) {
        // No UNC paths: looking one up would contact the host that a secret starting with two backslashes names.
        if (!value.startsWith("/") && !value.matches("(?s)[A-Za-z]:[\\\\/].*")) {
            return false;
        }
        try {
            Path path = Paths.get(value);
            return path.isAbsolute() && Files.isRegularFile(path) && Files.isReadable(path);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** Absolute, or explicitly relative: what CI systems and container runtimes put in a _FILE variable. */
    static boolean looksLikePath(String value) {
        return value.startsWith("/") || value.startsWith("./") || value.startsWith("../")
                || value.matches("(?s)[A-Za-z]:[\\\\/].*") || value.startsWith("\\\\");
    }

    private static String readFile(String variable, String fileName) throws InvalidConfigurationException {
        if (fileName.isEmpty()) {
            throw new InvalidConfigurationException("Environment variable " + variable + " is set but empty. Set it"
                    + " to the path of the file that holds the value, or unset it.");
        }
        if (!looksLikePath(fileName)) {
            // A GitLab variable of type Variable where File was meant puts the secret itself here: never echo it.
            throw new InvalidConfigurationException("Environment variable " + variable + " should hold the path of"
                    + " a file, but its value (" + fileName.length() + " characters, not shown) does not look like a"
                    + " path; it may be the secret itself. Put the value in " + variable.substring(0,
                    variable.length() - "_FILE".length()) + " instead, or, for a GitLab CI variable, set its type to"
                    + " File.");
        }
        Path path;
        try {
            path = Paths.get(fileName);
        } catch (InvalidPathException e) {
            throw new InvalidConfigurationException("Environment variable " + variable + " names a path that is not"
                    + " valid on this system. Set it to the path of the file that holds the value.");
        }
        String where = "the file '" + fileName + "' named by environment variable " + variable;
        if (!Files.exists(path)) {
            // Not named: a secret that happens to start with '/' (one Base64 value in 64) looks like a path too.
            throw new InvalidConfigurationException("Cannot read the file named by environment variable " + variable
                    + ": its value (" + fileName.length() + " characters, not shown) is no existing file. Check the path,"
                    + " or that the secret is mounted into this container.");
        }
        if (!Files.isRegularFile(path)) {
            throw new InvalidConfigurationException(
                    "Cannot read " + where + ": it is not a regular file. Point it at the file that holds the value.");
        }
        String content;
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw new InvalidConfigurationException("Cannot use " + where + ": it is larger than 64 KiB, which no"
                        + " credential is. Point it at the file that holds only the value.");
            }
            content = new String(Files.readAllBytes(path), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new InvalidConfigurationException("Cannot read " + where + ": " + (e instanceof AccessDeniedException
                    ? "permission denied" : e.getClass().getSimpleName()) + ". Check that the user running Maven may"
                    + " read it.");
        }
        if (content.isEmpty()) {
            throw new InvalidConfigurationException(
                    "Cannot use " + where + ": it is empty. Write the value into the file.");
        }
        return content;
    }
}
