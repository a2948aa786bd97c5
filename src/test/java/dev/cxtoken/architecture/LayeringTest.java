package dev.cxtoken.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers of main code, read from the import lines of {@code src/main/java}: each package may use only the
 * packages below it, and Maven's and HttpClient's APIs stay in the layers that adapt them.
 */
class LayeringTest {
    private static final Path MAIN = Paths.get("src", "main", "java");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);

    /** What each package may import of the project, by package; the root package is everyone's vocabulary. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "dev.cxtoken", Set.of(),
            "dev.cxtoken.http", Set.of("dev.cxtoken"),
            "dev.cxtoken.oauth", Set.of("dev.cxtoken", "dev.cxtoken.http"),
            // A signing key and a CI token source are OAuth credentials; GitHub's runner is asked over one exchange.
            "dev.cxtoken.credentials", Set.of("dev.cxtoken", "dev.cxtoken.http", "dev.cxtoken.oauth"),
            "dev.cxtoken.provider", Set.of("dev.cxtoken", "dev.cxtoken.http", "dev.cxtoken.oauth",
                    "dev.cxtoken.credentials"),
            "dev.cxtoken.token", Set.of("dev.cxtoken", "dev.cxtoken.http", "dev.cxtoken.oauth",
                    "dev.cxtoken.credentials", "dev.cxtoken.provider"),
            "dev.cxtoken.publish", Set.of("dev.cxtoken", "dev.cxtoken.oauth", "dev.cxtoken.credentials",
                    "dev.cxtoken.token"),
            "dev.cxtoken.plugin", Set.of("dev.cxtoken", "dev.cxtoken.http", "dev.cxtoken.oauth",
                    "dev.cxtoken.credentials", "dev.cxtoken.provider", "dev.cxtoken.token", "dev.cxtoken.publish"));

    /** Third-party APIs and the packages that may touch them. */
    private static final Map<String, Set<String>> FOREIGN = Map.of(
            "org.apache.maven", Set.of("dev.cxtoken.plugin"),
            "org.apache.hc", Set.of("dev.cxtoken.http", "dev.cxtoken.plugin"));

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList());
        }
    }

    private static String packageOf(Path file) {
        return MAIN.relativize(file.getParent()).toString().replace(java.io.File.separatorChar, '.');
    }

    @Test
    void everyPackageImportsOnlyThePackagesBelowIt() throws IOException {
        List<String> violations = new ArrayList<>();
        List<Path> files = sources();
        for (Path file : files) {
            String own = packageOf(file);
            assertTrue(ALLOWED.containsKey(own), "a package without a layer: " + own + " (" + file + ")");
            Matcher imports = IMPORT.matcher(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            while (imports.find()) {
                String imported = imports.group(1);
                if (imported.startsWith("dev.cxtoken") && !imported.equals(own)
                        && !ALLOWED.get(own).contains(imported)) {
                    violations.add(file.getFileName() + " (" + own + ") imports " + imported);
                }
                for (Map.Entry<String, Set<String>> api : FOREIGN.entrySet()) {
                    if (imported.startsWith(api.getKey()) && !api.getValue().contains(own)) {
                        violations.add(file.getFileName() + " (" + own + ") uses " + imported);
                    }
                }
            }
        }
        assertTrue(files.size() > 40, "found only " + files.size() + " sources under " + MAIN);
        assertEquals(List.of(), violations);
    }

    @Test
    void everyPackageSaysWhatItIsFor() throws IOException {
        for (String layer : ALLOWED.keySet()) {
            Path info = MAIN.resolve(layer.replace('.', '/')).resolve("package-info.java");
            assertTrue(Files.isRegularFile(info), "no package-info.java for " + layer);
            assertTrue(new String(Files.readAllBytes(info), StandardCharsets.UTF_8).contains("/** "), info.toString());
        }
    }

    /** About 300 lines at most, comments included, so that a class does one job. */
    @Test
    void noClassIsOverAboutThreeHundredLines() throws IOException {
        List<String> large = new ArrayList<>();
        for (Path file : sources()) {
            long lines = Files.readAllLines(file, StandardCharsets.UTF_8).size();
            if (lines > 320) {
                large.add(file.getFileName() + ": " + lines);
            }
        }
        assertEquals(List.of(), large);
    }
}
