package dev.cxtoken.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.Secret;
import dev.cxtoken.TokenFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token file on the real file system: content, permissions at every step, atomic replacement, clear failures. */
class TokenFileWriterTest {
    private static final String TOKEN = "eyJhbGciOi.token-for-file.Sig_-";

    @TempDir
    Path dir;

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    /** Records what a test saw of the temporary file during a write. */
    private static final class Watcher implements TokenFileWriter.Observer {
        final List<String> seen = new ArrayList<>();
        final Path target;

        Watcher(Path target) {
            this.target = target;
        }

        @Override
        public void created(Path temporary) throws IOException {
            seen.add("created " + permissions(temporary) + " size " + Files.size(temporary)
                    + " same directory " + temporary.getParent().equals(target.getParent())
                    + " hidden " + temporary.getFileName().toString().startsWith("."));
        }

        @Override
        public void written(Path temporary) throws IOException {
            seen.add("written " + permissions(temporary) + " "
                    + new String(Files.readAllBytes(temporary), StandardCharsets.UTF_8)
                    + " target " + (Files.exists(target) ? new String(Files.readAllBytes(target),
                    StandardCharsets.UTF_8) : "absent"));
        }
    }

    @Test
    void writesTheTokenAloneOwnerOnly() throws Exception {
        Path target = dir.resolve("cx-token");
        new TokenFileWriter().write(target, Secret.of(TOKEN));
        assertEquals(TOKEN, new String(Files.readAllBytes(target), StandardCharsets.UTF_8), "no line break added");
        if (posix(target)) {
            assertEquals("rw-------", permissions(target));
        }
        assertEquals(List.of("cx-token"), names(dir), "no temporary file is left behind");
    }

    @Test
    void temporaryFileIsOwnerOnlyFromCreationAndSitsBesideTheTarget() throws Exception {
        assumeTrue(posix(dir));
        Path target = dir.resolve("cx-token");
        Watcher watcher = new Watcher(target);
        new TokenFileWriter(watcher).write(target, Secret.of(TOKEN));
        assertEquals(List.of("created rw------- size 0 same directory true hidden true",
                "written rw------- " + TOKEN + " target absent"), watcher.seen);
    }

    @Test
    void replacesAnExistingFileAtomicallyAndDropsItsLooserPermissions() throws Exception {
        assumeTrue(posix(dir));
        Path target = dir.resolve("cx-token");
        Files.write(target, "old-token".getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        Watcher watcher = new Watcher(target);
        new TokenFileWriter(watcher).write(target, Secret.of(TOKEN));
        assertEquals("written rw------- " + TOKEN + " target old-token", watcher.seen.get(1),
                "until the rename, readers still see the whole old file");
        assertEquals(TOKEN, new String(Files.readAllBytes(target), StandardCharsets.UTF_8));
        assertEquals("rw-------", permissions(target));
    }

    @Test
    void createsMissingDirectoriesOwnerOnlyAndLeavesExistingOnesAlone() throws Exception {
        assumeTrue(posix(dir));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path target = dir.resolve("a").resolve("b").resolve("cx-token");
        new TokenFileWriter().write(target, Secret.of(TOKEN));
        assertEquals(TOKEN, new String(Files.readAllBytes(target), StandardCharsets.UTF_8));
        assertEquals("rwx------", permissions(dir.resolve("a")));
        assertEquals("rwx------", permissions(dir.resolve("a").resolve("b")));
        assertEquals("rwxr-xr-x", permissions(dir));
    }

    @Test
    void relativePathsResolveAgainstTheBaseDirectory() throws Exception {
        assertEquals(Optional.of(dir.resolve("out").resolve("cx-token").toAbsolutePath()),
                TokenFileWriter.resolve(" out/cx-token ", dir));
        Path absolute = dir.resolve("elsewhere").toAbsolutePath();
        assertEquals(Optional.of(absolute), TokenFileWriter.resolve(absolute.toString(), dir.resolve("ignored")));
        assertEquals(Optional.empty(), TokenFileWriter.resolve(null, dir));
        assertEquals(Optional.empty(), TokenFileWriter.resolve("  ", dir));
    }

    @Test
    void unresolvedExpressionIsRejectedRatherThanCreatedAsAFolder() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> TokenFileWriter.resolve("${env.RUNNER_TEMP}/cx-token", dir));
        assertTrue(e.getMessage().startsWith("tokenFile '${env.RUNNER_TEMP}/cx-token' (parameter tokenFile, property"
                + " cxtoken.tokenFile) still contains an expression"), e.getMessage());
    }

    @Test
    void directoryAsTargetIsRejectedBeforeAnythingIsSent() throws Exception {
        Files.createDirectories(dir.resolve("tokens"));
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> TokenFileWriter.resolve("tokens", dir));
        assertEquals("tokenFile '" + dir.resolve("tokens") + "' (parameter tokenFile, property cxtoken.tokenFile)"
                + " is a directory. Name a file in it instead, for example " + dir.resolve("tokens/cx-token") + ".",
                e.getMessage());
        TokenFileException late = assertThrows(TokenFileException.class,
                () -> new TokenFileWriter().write(dir.resolve("tokens"), Secret.of(TOKEN)));
        assertTrue(late.getMessage().contains("it is a directory"), late.getMessage());
        assertTrue(late.isUserFixable());
    }

    @Test
    void parentThatIsAFileIsReportedAsSuch() throws Exception {
        Files.write(dir.resolve("build.txt"), new byte[0]);
        Path target = dir.resolve("build.txt").resolve("sub").resolve("cx-token");
        TokenFileException e = assertThrows(TokenFileException.class,
                () -> new TokenFileWriter().write(target, Secret.of(TOKEN)));
        assertEquals("Cannot write the token to " + target + " (parameter tokenFile, property cxtoken.tokenFile):"
                + " its directory cannot be created, because " + dir.resolve("build.txt") + " is a file. Choose a"
                + " path whose parent directories are directories.", e.getMessage());
    }

    @Test
    void directoryWithoutWritePermissionIsReportedWithTheFix() throws Exception {
        assumeTrue(posix(dir));
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeFalse(Files.isWritable(locked), "permissions do not bind this user (root)");
            TokenFileException e = assertThrows(TokenFileException.class,
                    () -> new TokenFileWriter().write(locked.resolve("cx-token"), Secret.of(TOKEN)));
            assertTrue(e.getMessage().contains("this user may not write to " + locked), e.getMessage());
            assertTrue(e.getMessage().contains("Choose a directory the user running Maven may write to"));
            assertFalse(e.getMessage().contains(TOKEN));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void failedRenameLeavesNoTemporaryFileAndNoTokenInTheMessage() throws Exception {
        Path target = dir.resolve("cx-token");
        TokenFileWriter writer = new TokenFileWriter(new TokenFileWriter.Observer() {
            @Override
            public void created(Path temporary) {}

            @Override
            public void written(Path temporary) throws IOException {
                // Something else turns the target into a non-empty directory between the check and the rename.
                Files.createDirectories(target);
                Files.write(target.resolve("keep"), new byte[0]);
            }
        });
        TokenFileException e = assertThrows(TokenFileException.class, () -> writer.write(target, Secret.of(TOKEN)));
        assertTrue(e.getMessage().startsWith("Cannot write the token to " + target), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        assertEquals(List.of("cx-token"), names(dir), "the temporary file was removed");
        assertEquals(List.of("keep"), names(target));
    }

    /**
     * Someone who may write to the folder swaps the temporary file for a symlink to a file of theirs, right after it
     * was created. The token must not travel through the link, and the write must fail rather than leave a link.
     */
    @Test
    void aTemporaryFileSwappedForASymlinkNeverReceivesTheToken() throws Exception {
        Path target = dir.resolve("cx-token");
        Path attacker = dir.resolve("attacker-owned");
        Files.write(attacker, new byte[0]);
        TokenFileWriter writer = new TokenFileWriter(new TokenFileWriter.Observer() {
            @Override
            public void created(Path temporary) throws IOException {
                Files.delete(temporary);
                Files.createSymbolicLink(temporary, attacker);
            }

            @Override
            public void written(Path temporary) {}
        });
        TokenFileException e = assertThrows(TokenFileException.class, () -> writer.write(target, Secret.of(TOKEN)));
        assertTrue(e.getMessage().contains("was replaced while the token was written"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        assertEquals(0, Files.size(attacker), "the token was written through the symlink");
        assertFalse(Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS), "a link was left as the token file");
    }
}
