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
    private final EnvironmentVariables variables = new EnvironmentVariables(env::get, env::keySet);

    private String refusedName(String parameter, String configured) {
        return assertThrows(InvalidConfigurationException.class, () -> variables.checkName(parameter, configured))
                .getMessage();
    }

    @Test
    void aVariableNameIsAcceptedWhetherOrNotItIsSet() throws Exception {
        env.put("https_proxy_secret", "x");
        variables.checkName("clientSecretEnv", "GENESYS_CLIENT_SECRET"); // unset, but shaped like a name
        variables.checkName("clientSecretEnv", "https_proxy_secret"); // lower case, but a variable of the build
        env.put("lower_FILE", "/run/secrets/x");
        variables.checkName("clientSecretEnv", "lower"); // its _FILE form is set
        variables.checkName("clientSecretEnv", null);
        variables.checkName("clientSecretEnv", " ");
    }

    @Test
    void aValueOfAVariableIsNamedByItsVariableAndNeverShown() {
        String secret = "Gq7_x2LmZ9pKr4TvW_b3NcY8";
        env.put("GENESYS_CLIENT_SECRET", secret);
        String message = refusedName("clientSecretEnv", secret);
        assertEquals("clientSecretEnv (property cxtoken.clientSecretEnv) must name a variable; it holds the value of"
                + " one, GENESYS_CLIENT_SECRET. Write the name itself,"
                + " <clientSecretEnv>GENESYS_CLIENT_SECRET</clientSecretEnv>, not ${env.GENESYS_CLIENT_SECRET}, or"
                + " leave clientSecretEnv out to use its default.", message);
        env.put("ALSO_THE_SECRET", secret + "\n");
        assertTrue(refusedName("clientSecretEnv", secret).contains("holds the value of one, ALSO_THE_SECRET (and 1"
                + " more)."), "the first in name order, and how many more");
    }

    @Test
    void aNameReadThroughAnotherVariableAndNotSetGetsBothReadings() {
        env.put("SECRET_NAME", "MY_SECRET"); // <clientSecretEnv>${env.SECRET_NAME}</clientSecretEnv>, MY_SECRET unset
        String message = refusedName("clientSecretEnv", "MY_SECRET");
        assertTrue(message.contains("it holds the value of one, SECRET_NAME."), message);
        assertTrue(message.endsWith(" If MY_SECRET is the variable you meant, it is not set in this build."), message);
        env.put("MIXED", "Gq7_x2LmZ9pKr4TvW_b3NcY8");
        assertFalse(refusedName("clientSecretEnv", "Gq7_x2LmZ9pKr4TvW_b3NcY8").contains("If "),
                "a value that is no name is never shown");
    }

    @Test
    void aValueThatIsNoVariableNameIsRefusedWithoutShowingIt() {
        for (String configured : new String[] {"Gq7_x2LmZ9pKr4TvW_b3NcY8", "s3cret+with/symbols=", "GENESYS-SECRET",
                "9STARTS_WITH_A_DIGIT", "A" + "B".repeat(64)}) {
            String message = refusedName("accessKeySecretEnv", configured);
            assertTrue(message.startsWith("accessKeySecretEnv (property cxtoken.accessKeySecretEnv) must name an"
                    + " environment variable, but its value (" + configured.length() + " characters, not shown)"),
                    message);
            assertFalse(message.contains(configured), message);
        }
    }

    @Test
    void aGitLabFileVariableInTheValueVariableIsRefusedAndTheFileIsNotRead() throws Exception {
        Path file = Files.write(dir.resolve("GENESYS_CLIENT_SECRET"), "file-secret".getBytes(StandardCharsets.UTF_8));
        env.put("GENESYS_CLIENT_SECRET", file.toString());
        String message = assertThrows(InvalidConfigurationException.class,
                () -> variables.read("GENESYS_CLIENT_SECRET")).getMessage();
        assertEquals("Environment variable GENESYS_CLIENT_SECRET holds the path of an existing file (not shown), not a"
                + " value. This looks like a GitLab CI variable of type File, for which GitLab puts the path of a"
                + " temporary file in the variable: name that CI variable GENESYS_CLIENT_SECRET_FILE instead, or"
                + " change its type to Variable.", message);
        assertFalse(message.contains(file.toString()) || message.contains("file-secret"), message);
    }

    @Test
    void aSecretThatOnlyLooksLikeAPathIsAValue() throws Exception {
        env.put("SECRET", "/bG9uZy1iYXNlNjQ=");
        env.put("ROOT", "/");
        assertEquals("/bG9uZy1iYXNlNjQ=", variables.read("SECRET").orElseThrow().value());
        assertEquals("/", variables.read("ROOT").orElseThrow().value(), "a directory is not a File variable");
    }

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
