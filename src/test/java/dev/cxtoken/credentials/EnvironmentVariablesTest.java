package dev.cxtoken.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentVariablesTest {
    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private final EnvironmentVariables variables = new EnvironmentVariables(env::get);

    @Test
    void readsAndTrimsAVariable() throws Exception {
        env.put("SECRET", "  value\n");
        EnvironmentVariables.Value value = variables.read("SECRET").orElseThrow();
        assertEquals("value", value.value());
        assertEquals("environment variable SECRET", value.source());
        assertFalse(value.toString().contains("value\n"));
    }

    @Test
    void readsTheFileNamedByTheFileVariable() throws Exception {
        Path file = Files.write(dir.resolve("secret"), "from-file\n".getBytes(StandardCharsets.UTF_8));
        env.put("SECRET_FILE", file.toString());
        EnvironmentVariables.Value value = variables.read("SECRET").orElseThrow();
        assertEquals("from-file", value.value());
        assertEquals("file named by SECRET_FILE", value.source());
    }

    @Test
    void unsetIsEmpty() throws Exception {
        assertFalse(variables.read("SECRET").isPresent());
    }
}
