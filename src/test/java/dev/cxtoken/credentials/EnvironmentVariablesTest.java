package dev.cxtoken.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.InvalidConfigurationException;
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
        env.put("SECRET", "  s3cret-VALUE-17\n");
        EnvironmentVariables.Value value = variables.read("SECRET").orElseThrow();
        assertEquals("s3cret-VALUE-17", value.value());
        assertEquals("environment variable SECRET", value.source());
        assertFalse(value.toString().contains("s3cret-VALUE-17"), value.toString());
    }

    @Test
    void readsTheFileNamedByTheFileVariable() throws Exception {
        Path file = Files.write(dir.resolve("secret"), "from-file\n".getBytes(StandardCharsets.UTF_8));
        env.put("SECRET_FILE", file.toString());
        EnvironmentVariables.Value value = variables.read("SECRET").orElseThrow();
        assertEquals("from-file", value.value());
        assertEquals("file named by SECRET_FILE", value.source());
    }

    /**
     * A GitLab variable of type Variable where File was meant: SECRET_FILE then holds the secret itself, which must not
     * be echoed in the "cannot read the file" message.
     */
    @Test
    void aFileVariableHoldingTheSecretItselfIsNotEchoed() {
        for (String pasted : new String[] {"xK9-secret-value_42", "a/b+c=secret", "C0mpl3x S3cret"}) {
            env.put("SECRET_FILE", pasted);
            InvalidConfigurationException e =
                    assertThrows(InvalidConfigurationException.class, () -> variables.read("SECRET"));
            String message = e.getMessage();
            assertFalse(message.contains(pasted), message);
            assertTrue(message.contains("does not look like a path"), message);
            assertTrue(message.contains("(" + pasted.length() + " characters, not shown)"), message);
            assertTrue(message.contains("Put the value in SECRET instead") && message.contains("type to File"),
                    message);
        }
    }

    /** A Base64 secret may start with '/', so a value that names no file is not shown either. */
    @Test
    void aValueThatNamesNoFileIsNotShown() {
        String base64Secret = "/q7Zr+Kp9xWm2Lt8=";
        env.put("SECRET_FILE", base64Secret);
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> variables.read("SECRET"));
        assertFalse(e.getMessage().contains(base64Secret), e.getMessage());
        assertTrue(e.getMessage().contains("Cannot read the file named by environment variable SECRET_FILE: its value ("
                + base64Secret.length() + " characters, not shown) is no existing file"), e.getMessage());
    }

    @Test
    void unsetIsEmpty() throws Exception {
        assertFalse(variables.read("SECRET").isPresent());
    }
}
