package dev.cxtoken.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

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

    @Test
    void badSourcesFailWithTheVariableName() throws Exception {
        Path empty = Files.write(dir.resolve("empty"), "  \n".getBytes(StandardCharsets.UTF_8));
        Object[][] cases = {
            {"SECRET", " ", "Environment variable SECRET is set but empty"},
            {"SECRET_FILE", dir.resolve("missing").toString(), "does not exist"},
            {"SECRET_FILE", empty.toString(), "it is empty"},
            {"SECRET_FILE", dir.toString(), "not a regular file"},
            {"SECRET_FILE", "", "SECRET_FILE is set but empty"},
        };
        for (Object[] c : cases) {
            env.clear();
            env.put((String) c[0], (String) c[1]);
            InvalidConfigurationException e =
                    assertThrows(InvalidConfigurationException.class, () -> variables.read("SECRET"));
            assertTrue(e.getMessage().contains((String) c[2]), e.getMessage());
            assertTrue(e.getMessage().contains("SECRET"), e.getMessage());
        }
    }

    @Test
    void unreadableFileFails() throws Exception {
        Path file = Files.write(dir.resolve("locked"), "x".getBytes(StandardCharsets.UTF_8));
        assertTrue(file.toFile().setReadable(false, false));
        env.put("SECRET_FILE", file.toString());
        assumeFalse(Files.isReadable(file), "file permissions do not bind this user (root)");
        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> variables.read("SECRET"));
        assertTrue(e.getMessage().contains("may read it"), e.getMessage());
    }

    @Test
    void bothFormsAtOnceAreAmbiguous() {
        env.put("SECRET", "a");
        env.put("SECRET_FILE", "/tmp/b");
        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> variables.read("SECRET"));
        assertTrue(e.getMessage().contains("Keep one"), e.getMessage());
    }
}
