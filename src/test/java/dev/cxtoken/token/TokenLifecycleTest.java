package dev.cxtoken.token;

import static dev.cxtoken.testing.ScriptedHttpServer.json;
import static dev.cxtoken.testing.ScriptedHttpServer.stall;
import static dev.cxtoken.testing.ScriptedHttpServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.plugin.Parameters;
import dev.cxtoken.testing.ManualClock;
import dev.cxtoken.testing.ScriptedHttpServer;
import dev.cxtoken.testing.TestBuild;
import dev.cxtoken.testing.TestParameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The life of a token after the fetch, against real loopback servers and the injected clock: renewal at the right
 * moment, the old token kept while renewal fails, cancellation and revocation at the end of the build, and the
 * build's own file.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TokenLifecycleTest {
    private final ManualClock clock = new ManualClock();
    private final TestBuild build = TestBuild.withClient("genesys", TestBuild.SECRET).clocks(clock);

    private static Parameters genesys(ScriptedHttpServer server) {
        return TestParameters.genesys(server.url("/oauth/token")).with("maxAttempts", "1");
    }

    private Path buildFile() {
        return Paths.get(build.properties.getProperty("cx.token.file"));
    }

    private static String read(Path file) throws Exception {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    @Test
    void renewsWhenLessThanMinValidityIsLeftAndLaterModulesGetTheNewToken() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("token-a", 600), token("token-b", 600))) {
            Instant start = clock.instant();
            build.run(genesys(server));
            assertEquals("token-a", read(buildFile()));
            assertEquals(start.plusSeconds(300), build.renewals.nextDueAt(), "minValidity 300 of a 600 s token");
            clock.advance(Duration.ofSeconds(299));
            assertEquals(0, build.renewals.runDue());
            assertEquals(1, server.requests().size());
            clock.advance(Duration.ofSeconds(1));
            assertEquals(1, build.renewals.runDue());
            assertEquals(2, server.requests().size());
            assertEquals("token-b", read(buildFile()), "the build's file holds the renewed token");
            assertTrue(build.log.all().contains("Renewed the genesys token"), build.log.all());
            // A module that starts now reuses the renewed token, and its file is the same.
            dev.cxtoken.plugin.TokenGoal.Result later = build.run(genesys(server));
            assertFalse(later.outcome().fetched());
            assertEquals("token-b", later.outcome().token().value().reveal());
            assertEquals(start.plusSeconds(600), build.renewals.nextDueAt());
        }
    }

    @Test
    void shortTokensAreRenewedAtHalfTheirLifetime() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("token-a", 8), token("token-b", 8))) {
            Instant start = clock.instant();
            build.run(genesys(server).with("minValidity", "3"));
            assertEquals(start.plusSeconds(5), build.renewals.nextDueAt(), "8 s token, minValidity 3: renew at 5 s");
            build.run(genesys(server).with("minValidity", "300"));
        }
    }

    @Test
    void aFailedRenewalKeepsTheOldTokenAndTriesAgainUntilItExpires() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("token-a", 60),
                json(503, "{}"), json(503, "{}"), json(503, "{}"), json(503, "{}"), json(503, "{}"),
                json(503, "{}"), json(503, "{}"), json(503, "{}"))) {
            build.run(genesys(server).with("minValidity", "30"));
            clock.advance(Duration.ofSeconds(30));
            assertEquals(1, build.renewals.runDue());
            assertEquals("token-a", read(buildFile()), "the old token stays in the file");
            assertEquals(1, build.log.warnings(), build.log.all());
            assertTrue(build.log.all().contains("Could not renew the genesys token"), build.log.all());
            assertTrue(build.log.all().contains("Trying again in 5 s"), build.log.all());
            // A module starting now, while the server still fails, gets the old token, which is still valid.
            dev.cxtoken.plugin.TokenGoal.Result later = build.run(genesys(server).with("minValidity", "30"));
            assertEquals("token-a", later.outcome().token().value().reveal());
            assertTrue(build.log.all().contains("Using the one fetched earlier in this build"), build.log.all());
            long warningsBefore = build.log.warnings();
            // Retries at +5, +10, +20 s would pass expiry: the last one is at expiry, and that is the last warning.
            for (int i = 0; i < 6; i++) {
                Instant due = build.renewals.nextDueAt();
                if (due == null) {
                    break;
                }
                clock.advance(Duration.between(clock.instant(), due));
                build.renewals.runDue();
            }
            assertNull(build.renewals.nextDueAt(), "no attempt after expiry");
            assertTrue(build.log.all().contains("expired at"), build.log.all());
            assertEquals(warningsBefore + 3, build.log.warnings(), build.log.all());
        }
    }

    @Test
    void theEndStopsRenewalsRevokesEveryTokenAndDeletesTheFile() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("token-a", 600), token("token-b", 600),
                json(204, ""), json(204, ""))) {
            build.run(genesys(server));
            Path file = buildFile();
            assertTrue(build.log.all().contains("revoked when the build ends"), build.log.all());
            clock.advance(Duration.ofSeconds(300));
            build.renewals.runDue();
            build.endBuild();
            assertTrue(build.renewals.stopped());
            assertEquals(0, build.renewals.pending());
            List<ScriptedHttpServer.Recorded> requests = server.requests();
            assertEquals(4, requests.size());
            assertEquals("DELETE", requests.get(2).method);
            assertEquals("/api/v2/tokens/me", requests.get(2).target);
            assertEquals("Bearer token-a", requests.get(2).header("Authorization"));
            assertEquals("Bearer token-b", requests.get(3).header("Authorization"));
            assertTrue(build.log.all().contains("INFO Revoked 2 token(s) at the end of the build."), build.log.all());
            assertFalse(Files.exists(file), "the build's file is deleted");
            assertFalse(Files.exists(file.getParent()), "and so is its directory");
            build.endBuild();
            assertEquals(4, server.requests().size(), "the end runs once");
        }
    }

    @Test
    void genesysCountsA401AsRevokedAndRetriesA5xxOnce() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("token-a", 600),
                json(503, "{}"), json(401, "{\"message\":\"Invalid login credentials.\"}"))) {
            build.run(genesys(server));
            build.endBuild();
            assertEquals(3, server.requests().size());
            assertTrue(build.log.all().contains("Revoked 1 token(s)"), build.log.all());
            assertEquals(0, build.log.warnings(), "a retry inside the revocation is not a warning: " + build.log.all());
        }
    }

    @Test
    void aRevocationThatFailsIsOneWarningNamingTheExpiryAndNeverTheToken() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("token-secret-value", 600),
                json(500, "{\"echo\":\"token-secret-value\"}"), json(500, "{}"))) {
            Instant expiry = clock.instant().plusSeconds(600);
            build.run(genesys(server));
            build.endBuild();
            assertEquals(3, server.requests().size(), "one attempt and one retry");
            assertEquals(1, build.log.warnings(), build.log.all());
            assertTrue(build.log.all().contains("It stays valid until " + expiry), build.log.all());
            assertFalse(build.log.all().contains("token-secret-value"), build.log.all());
            assertFalse(build.log.all().contains("Revoked"), build.log.all());
        }
    }

    @Test
    void aRevocationTakesAtMostFiveSeconds() throws Exception {
        TestBuild real = TestBuild.withClient("genesys", TestBuild.SECRET);
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("token-a", 600), stall(), stall())) {
            real.run(genesys(server).with("maxAttempts", "4"));
            long began = System.nanoTime();
            real.endBuild();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            assertTrue(millis < 5_800, "the revocation took " + millis + " ms");
            assertTrue(millis >= 4_500, "it gave up early, after " + millis + " ms");
            assertEquals(1, real.log.warnings(), real.log.all());
        }
    }

    @Test
    void oauth2RevokesWithRfc7009AndTheSameClientAuthentication() throws Exception {
        TestBuild oauth = TestBuild.withClient("oauth2", TestBuild.SECRET).clocks(clock);
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("token-a", 600), json(200, ""))) {
            oauth.run(TestParameters.oauth2(server.url("/token")).with("revocationUrl", server.url("/revoke")));
            oauth.endBuild();
            ScriptedHttpServer.Recorded revocation = server.requests().get(1);
            assertEquals("POST", revocation.method);
            assertEquals("/revoke", revocation.target);
            assertEquals("token=token-a&token_type_hint=access_token", revocation.body);
            assertEquals(server.requests().get(0).header("Authorization"), revocation.header("Authorization"));
            assertTrue(oauth.log.all().contains("Revoked 1 token(s)"), oauth.log.all());
        }
    }

    @Test
    void oauth2WithoutRevocationUrlSaysTheTokenStaysValid() throws Exception {
        TestBuild oauth = TestBuild.withClient("oauth2", TestBuild.SECRET).clocks(clock);
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("token-a", 600))) {
            oauth.run(TestParameters.oauth2(server.url("/token")));
            assertTrue(oauth.log.all().contains("stays valid until " + clock.instant().plusSeconds(600)
                    + ": no revocationUrl (cxtoken.revocationUrl) is set"), oauth.log.all());
            oauth.endBuild();
            assertEquals(1, server.requests().size());
            assertTrue(oauth.log.all().contains("DEBUG Not revoking the oauth2 token"), oauth.log.all());
        }
    }

    @Test
    void tokenFileKeepsTheTokenUnlessRevokeIsSetExplicitly(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("token-a", 600), token("token-b", 600))) {
            Path tokenFile = dir.resolve("token");
            build.run(genesys(server).with("tokenFile", tokenFile.toString()));
            assertTrue(build.log.all().contains("stays valid until " + clock.instant().plusSeconds(600)
                    + " (tokenFile is set"), build.log.all());
            clock.advance(Duration.ofSeconds(300));
            build.renewals.runDue();
            assertEquals("token-b", read(tokenFile), "tokenFile is kept current too");
            build.endBuild();
            assertEquals(2, server.requests().size(), "nothing revoked");
            assertTrue(Files.exists(tokenFile), "tokenFile outlives the build");

            TestBuild explicit = TestBuild.withClient("genesys", TestBuild.SECRET).clocks(clock);
            server.enqueue(token("token-c", 600), json(204, ""));
            explicit.run(genesys(server).with("tokenFile", tokenFile.toString()).with("revoke", "true"));
            explicit.endBuild();
            assertEquals("DELETE", server.requests().get(3).method);
            assertEquals("token-c", read(tokenFile));
        }
    }

    @Test
    void onGitHubActionsARenewedTokenIsMaskedBeforeAnyFileHoldsIt() throws Exception {
        build.environment.put("GITHUB_ACTIONS", "true");
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("token-a", 600), token("token-b", 600))) {
            build.run(genesys(server));
            java.util.concurrent.atomic.AtomicReference<String> fileWhenMasked = new java.util.concurrent.atomic.AtomicReference<>();
            build.stdoutObservers.add(() -> {
                if (fileWhenMasked.get() == null && build.stdout.toString(StandardCharsets.UTF_8)
                        .contains("::add-mask::token-b")) {
                    try {
                        fileWhenMasked.set(read(buildFile()));
                    } catch (Exception e) {
                        fileWhenMasked.set(e.toString());
                    }
                }
            });
            clock.advance(Duration.ofSeconds(300));
            build.renewals.runDue();
            String stdout = build.stdout.toString(StandardCharsets.UTF_8);
            assertTrue(stdout.contains("::add-mask::token-a\n"), stdout);
            assertTrue(stdout.contains("::add-mask::token-b\n"), "the renewed token is masked too: " + stdout);
            assertEquals("token-a", fileWhenMasked.get(), "the build's file held the renewed token before its mask");
        }
    }

    @Test
    void holdersGetARenewedTokenInTheOrderTheyRegisteredWhateverTheirNames() {
        TokenLifecycle lifecycle = new TokenLifecycle(new java.util.concurrent.ConcurrentHashMap<>(), build.renewals,
                build.log);
        List<String> calls = new java.util.ArrayList<>();
        lifecycle.onRenewal("k", "z mask", token -> calls.add("mask " + token));
        lifecycle.onRenewal("k", "a file", token -> calls.add("file " + token));
        lifecycle.onRenewal("k", "z mask", token -> calls.add("second mask " + token));
        lifecycle.renewed("k", "t2");
        assertEquals(List.of("mask t2", "file t2"), calls, "registration order, one call per holder name");
    }

    @Test
    void refreshFalseSchedulesNothing() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("token-a", 600))) {
            build.run(genesys(server).with("refresh", "false").with("revoke", "false"));
            assertEquals(0, build.renewals.pending());
            build.endBuild();
            assertEquals(1, server.requests().size());
        }
    }

    @Test
    void theBuildsFileIsOwnerOnlyOutsideTheProjectAndHoldsTheTokenWithoutALineBreak() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("token-a", 600), json(204, ""))) {
            build.run(genesys(server));
            Path file = buildFile();
            assertTrue(file.isAbsolute());
            assertEquals("token-a", read(file));
            assertTrue(file.startsWith(build.temporaryRoot), file.toString());
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(file)));
                assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(file.getParent())));
            }
            build.endBuild();
        }
    }
}
