package dev.cxtoken.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.Secret;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubActionsMaskTest {
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    private boolean register(Map<String, String> environment, String token) {
        PrintStream out = new PrintStream(stdout, false, StandardCharsets.UTF_8);
        return new GitHubActionsMask(environment::get, out).register(Secret.of(token));
    }

    private String printed() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onGitHubActionsTheTokenIsRegisteredOnALineOfItsOwn() {
        assertTrue(register(Map.of("GITHUB_ACTIONS", "true"), "eyJ0eXAi.payload.sig"));
        assertEquals("::add-mask::eyJ0eXAi.payload.sig" + System.lineSeparator(), printed());
    }

    @Test
    void elsewhereNothingIsPrinted() {
        assertFalse(register(Map.of(), "tok"));
        assertFalse(register(Map.of("GITHUB_ACTIONS", "false"), "tok"));
        assertFalse(register(Map.of("GITLAB_CI", "true", "CI", "true"), "tok"));
        assertEquals("", printed());
    }

    @Test
    void flagIsReadLikeTheRunnerWritesIt() {
        assertTrue(register(Map.of("GITHUB_ACTIONS", " TRUE "), "tok"));
        assertEquals("::add-mask::tok" + System.lineSeparator(), printed());
    }

    @Test
    void percentAndLineBreaksAreEscapedSoTheRunnerMasksTheExactValue() {
        // The runner unescapes %25, %0D and %0A in command data; an unescaped "%0A" would register another value.
        assertTrue(register(Map.of("GITHUB_ACTIONS", "true"), "a%0Ab%c\r\nd"));
        assertEquals("::add-mask::a%250Ab%25c%0D%0Ad" + System.lineSeparator(), printed());
    }
}
