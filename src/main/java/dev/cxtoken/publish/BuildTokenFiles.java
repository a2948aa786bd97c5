package dev.cxtoken.publish;

import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.Secret;
import dev.cxtoken.TokenFileException;
import dev.cxtoken.TokenLog;
import dev.cxtoken.token.TokenLifecycle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.EnumSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The build's own token files, published as {@code ${<tokenProperty>.file}}: one per token of the build, in a
 * directory made for this build alone under {@code java.io.tmpdir} (owner-only: 0700 on POSIX, an owner-only ACL
 * where the file system has ACLs), replaced atomically on every renewal, and deleted when the build ends. Outside the
 * project and {@code target/}, so nothing archives, caches or uploads it.
 */
public final class BuildTokenFiles {
    private static final String SECTION = "build-token-files";

    private final ConcurrentMap<String, Object> state;
    private final TokenLifecycle lifecycle;
    private final TokenFileWriter writer;
    private final TokenLog log;
    private final Path temporaryRoot;

    /** @param temporaryRoot where the build's directory goes: {@code java.io.tmpdir} */
    public BuildTokenFiles(ConcurrentMap<String, Object> store, TokenLifecycle lifecycle, TokenFileWriter writer,
            TokenLog log, Path temporaryRoot) {
        this.state = section(store);
        this.lifecycle = lifecycle;
        this.writer = writer;
        this.log = log;
        this.temporaryRoot = temporaryRoot;
    }

    @SuppressWarnings("unchecked")
    private static ConcurrentMap<String, Object> section(ConcurrentMap<String, Object> store) {
        return (ConcurrentMap<String, Object>) store.computeIfAbsent(SECTION,
                k -> new ConcurrentHashMap<String, Object>());
    }

    /**
     * Writes the token of {@code key} to its file, made on first use, and keeps the file current through renewals.
     *
     * @return the file's absolute path
     */
    public Path write(String key, Secret token) throws InvalidConfigurationException {
        Path file;
        synchronized (state.computeIfAbsent("lock", k -> new Object())) {
            Path directory = directory();
            Object known = state.get("file\n" + key);
            if (known instanceof String) {
                file = Paths.get((String) known);
            } else {
                AtomicInteger count = (AtomicInteger) state.computeIfAbsent("count", k -> new AtomicInteger());
                file = directory.resolve("token-" + count.incrementAndGet());
                state.put("file\n" + key, file.toString());
            }
        }
        try {
            // A module that reuses the build's token finds it in the file already: a rewrite (and its sync to disk)
            // would cost every module of a reactor some milliseconds for nothing.
            if (!holds(file, token)) {
                writer.write(file, token);
            }
        } catch (TokenFileException e) {
            throw unwritable(file.getParent(), e.reason());
        }
        Path target = file;
        lifecycle.onRenewal(key, "build file", renewed -> {
            try {
                writer.write(target, Secret.of(renewed));
            } catch (TokenFileException e) {
                log.warn("Could not write the renewed token to " + target + ": " + e.reason() + ".");
            }
        });
        return file;
    }

    /** Whether {@code file}, in the build's own owner-only directory, holds exactly {@code token}. */
    private static boolean holds(Path file, Secret token) {
        try {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && MessageDigest.isEqual(
                    Files.readAllBytes(file), token.reveal().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return false; // written afresh, which reports what is wrong
        }
    }

    /** Also keeps the user's own {@code tokenFile} current through renewals; it is not deleted at the end. */
    public void keepCurrent(String key, Path tokenFile) {
        lifecycle.onRenewal(key, "tokenFile " + tokenFile, renewed -> {
            try {
                writer.write(tokenFile, Secret.of(renewed));
            } catch (TokenFileException e) {
                log.warn(e.getMessage());
            }
        });
    }

    private Path directory() throws InvalidConfigurationException {
        Object known = state.get("directory");
        if (known instanceof String) {
            return Paths.get((String) known);
        }
        Path made;
        try {
            if (temporaryRoot.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                made = Files.createTempDirectory(temporaryRoot, "cx-token-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                made = Files.createTempDirectory(temporaryRoot, "cx-token-");
                ownerOnly(made);
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw unwritable(temporaryRoot, e.getMessage());
        }
        Path directory = made.toAbsolutePath();
        state.put("directory", directory.toString());
        lifecycle.atEnd("build token files", () -> delete(directory));
        return directory;
    }

    /** Where the file system has ACLs (Windows), only the owner may use the directory and what it inherits. */
    private static void ownerOnly(Path directory) throws IOException {
        AclFileAttributeView acl = Files.getFileAttributeView(directory, AclFileAttributeView.class);
        if (acl == null) {
            return;
        }
        acl.setAcl(Collections.singletonList(AclEntry.newBuilder().setType(AclEntryType.ALLOW)
                .setPrincipal(Files.getOwner(directory)).setPermissions(EnumSet.allOf(AclEntryPermission.class))
                .setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT).build()));
    }

    private void delete(Path directory) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            log.warn("Could not delete the build's token files in " + directory + " (" + e.getMessage() + ");"
                    + " delete the directory by hand.");
        }
    }

    private static InvalidConfigurationException unwritable(Path where, String reason) {
        return new InvalidConfigurationException("Cannot write the build's token file in " + where + " ("
                + reason + "). It goes in a new owner-only directory under java.io.tmpdir: give Maven a writable"
                + " one, for example MAVEN_OPTS=-Djava.io.tmpdir=$RUNNER_TEMP.");
    }
}
