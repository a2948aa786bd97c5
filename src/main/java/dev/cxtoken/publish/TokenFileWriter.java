package dev.cxtoken.publish;

import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.Secret;
import dev.cxtoken.TokenFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the token to a file for the steps of a CI job that do not run in Maven.
 *
 * <p>The token goes into a new temporary file in the target's directory, which is then renamed over the target, so a
 * reader sees the old file or the new one, never a half-written one. On POSIX file systems the temporary file is
 * created owner-only (0600), so the token is never readable by others, not even for a moment; a directory this class
 * has to create is made owner-only (0700) too, since it exists only for the token. Existing directories are left as
 * they are. The file holds the token alone, without a line break.
 */
public final class TokenFileWriter {
    private static final String WHERE = " (parameter tokenFile, property cxtoken.tokenFile)";
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    /** Sees the temporary file at each step of a write; lets tests check it on the real file system. */
    interface Observer {
        /** Just created, still empty, before anything else touched it. */
        void created(Path temporary) throws IOException;

        /** Written and synced, just before it replaces the target. */
        void written(Path temporary) throws IOException;
    }

    private static final Observer UNOBSERVED = new Observer() {
        @Override
        public void created(Path temporary) {}

        @Override
        public void written(Path temporary) {}
    };

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Observer observer;

    public TokenFileWriter() {
        this(UNOBSERVED);
    }

    TokenFileWriter(Observer observer) {
        this.observer = observer;
    }

    /**
     * Resolves the configured path, relative ones against {@code baseDir}, and rejects what can never work before any
     * request is sent.
     *
     * @return the absolute target, or empty when no token file is configured
     */
    public static Optional<Path> resolve(String configured, Path baseDir) throws InvalidConfigurationException {
        if (configured == null || configured.trim().isEmpty()) {
            return Optional.empty();
        }
        String value = configured.trim();
        if (value.contains("${")) {
            throw new InvalidConfigurationException("tokenFile '" + value + "'" + WHERE + " still contains an"
                    + " expression: a property or environment variable in it is not set. Set it, or configure"
                    + " tokenFile only where it is (a CI profile, or -Dcxtoken.tokenFile on the CI command line).");
        }
        Path target;
        try {
            target = baseDir.resolve(Paths.get(value)).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new InvalidConfigurationException("tokenFile '" + value + "'" + WHERE + " is not a valid path: "
                    + e.getReason() + ". Name a file, for example ${env.RUNNER_TEMP}/cx-token.");
        }
        if (target.getFileName() == null) {
            throw new InvalidConfigurationException("tokenFile '" + value + "'" + WHERE + " names no file. Name a"
                    + " file, for example ${env.RUNNER_TEMP}/cx-token.");
        }
        if (Files.isDirectory(target)) {
            throw new InvalidConfigurationException("tokenFile '" + target + "'" + WHERE + " is a directory. Name a"
                    + " file in it instead, for example " + target.resolve("cx-token") + ".");
        }
        return Optional.of(target);
    }

    /** Replaces {@code target} with a file holding the token. */
    public void write(Path target, Secret token) throws TokenFileException {
        Path file = target.toAbsolutePath();
        Path directory = file.getParent();
        if (Files.isDirectory(file)) {
            throw new TokenFileException(file, "it is a directory", "Name a file in it instead, for example "
                    + file.resolve("cx-token") + ".");
        }
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        createDirectories(file, directory, posix);
        Path temporary = null;
        try {
            Path candidate = directory.resolve("." + file.getFileName() + "." + randomSuffix() + ".tmp");
            // One channel, created new (so never an existing file or a planted symlink), not following links, with
            // owner-only permissions from its first moment; the umask can only take bits away, and the channel is
            // writable whatever it leaves.
            Set<OpenOption> options = new HashSet<>(Arrays.asList(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
            FileAttribute<?>[] attributes = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)}
                    : new FileAttribute<?>[0];
            Object created;
            try (FileChannel channel = FileChannel.open(candidate, options, attributes)) {
                temporary = candidate;
                created = fileKey(temporary);
                observer.created(temporary);
                ByteBuffer bytes = ByteBuffer.wrap(token.reveal().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            observer.written(temporary);
            if (!isSameRegularFile(temporary, created)) {
                throw new TokenFileException(file, "the temporary file " + temporary + " was replaced while the token"
                        + " was written", "Another user or process writes in " + directory + ": choose a directory"
                        + " only the user running Maven may write to, such as ${env.RUNNER_TEMP}.");
            }
            moveOver(temporary, file);
            temporary = null;
        } catch (IOException e) {
            throw failure(file, directory, e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // The failure being reported matters more than a leftover empty or owner-only file.
                }
            }
        }
    }

    /** The file's identity (device and inode on POSIX; null where the file system has none), not following links. */
    private static Object fileKey(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    /** Whether {@code path} is still the regular file created with {@code key}, and not a link put in its place. */
    private static boolean isSameRegularFile(Path path, Object key) throws IOException {
        BasicFileAttributes now = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return now.isRegularFile() && (key == null || key.equals(now.fileKey()));
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private static void createDirectories(Path file, Path directory, boolean posix) throws TokenFileException {
        if (Files.isDirectory(directory)) {
            return;
        }
        for (Path ancestor = directory; ancestor != null; ancestor = ancestor.getParent()) {
            if (Files.exists(ancestor)) {
                if (!Files.isDirectory(ancestor)) {
                    throw new TokenFileException(file, "its directory cannot be created, because " + ancestor
                            + " is a file", "Choose a path whose parent directories are directories.");
                }
                break;
            }
        }
        try {
            FileAttribute<?>[] attributes = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY)}
                    : new FileAttribute<?>[0];
            Files.createDirectories(directory, attributes);
        } catch (IOException e) {
            throw failure(file, directory, e);
        }
    }

    /** Atomic where the file system can; otherwise a plain replacing move, which still never exposes a partial file. */
    private static void moveOver(Path temporary, Path file) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static TokenFileException failure(Path file, Path directory, IOException e) {
        if (e instanceof AccessDeniedException) {
            String denied = ((FileSystemException) e).getFile();
            boolean temporary = denied != null
                    && denied.startsWith(directory.resolve("." + file.getFileName()).toString());
            return new TokenFileException(file, "this user may not write to " + (temporary ? directory : denied),
                    "Choose a directory the user running Maven may write to, such as ${env.RUNNER_TEMP} on GitHub"
                            + " Actions.");
        }
        if (e instanceof NoSuchFileException) {
            return new TokenFileException(file, ((FileSystemException) e).getFile() + " does not exist",
                    "Check the path.");
        }
        String reason = e instanceof FileSystemException && ((FileSystemException) e).getReason() != null
                ? ((FileSystemException) e).getReason() : e.getClass().getSimpleName();
        return new TokenFileException(file, reason + " (in " + directory + ")",
                "Check that the path is on a writable file system with space left.");
    }
}
