package dev.cxtoken.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The plugin runs on Java 11, so every main class, the generated help mojo included, must be Java 11 bytecode. */
class BytecodeVersionTest {
    private static final int JAVA_11 = 55;

    @Test
    void everyMainClassIsJava11Bytecode() throws IOException {
        Path classes = Path.of("target", "classes");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(file -> file.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
        assertTrue(files.contains(classes.resolve("dev/cxtoken/plugin/FetchTokenMojo.class")),
                "target/classes holds no FetchTokenMojo.class: " + files.size() + " classes found");
        assertTrue(files.stream().anyMatch(file -> file.endsWith("HelpMojo.class")), "the generated help mojo is missing");

        Map<String, Integer> others = new TreeMap<>();
        for (Path file : files) {
            int major = majorVersion(file);
            if (major != JAVA_11) {
                others.put(classes.relativize(file).toString(), major);
            }
        }
        assertEquals(Map.of(), others, "classes that are not Java 11 (major version 55) bytecode");
    }

    @Test
    void theCheckTellsVersionsApart() throws IOException {
        // The tests themselves are compiled for Java 17 (major version 61), so reading one proves the check can fail.
        assertEquals(61, majorVersion(Path.of("target", "test-classes", "dev", "cxtoken", "plugin",
                "BytecodeVersionTest.class")));
    }

    static int majorVersion(Path classFile) throws IOException {
        try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
            int magic = data.readInt();
            assertEquals(0xCAFEBABE, magic, classFile + " is not a class file");
            data.readUnsignedShort(); // minor
            return data.readUnsignedShort();
        }
    }
}
