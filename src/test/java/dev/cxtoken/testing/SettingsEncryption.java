package dev.cxtoken.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.cipher.PlexusCipherException;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/**
 * Maven's password encryption as {@code mvn --encrypt-master-password} and {@code mvn --encrypt-password} do it: a
 * settings-security.xml holding the encrypted master password, and {@code {...}} values encrypted under it. The
 * decrypter is Maven's own, reading that file, so tests exercise the real decryption path.
 */
public final class SettingsEncryption {
    private final String masterPassword;
    private final Path securityFile;
    private final DefaultPlexusCipher cipher;

    private SettingsEncryption(String masterPassword, Path securityFile, DefaultPlexusCipher cipher) {
        this.masterPassword = masterPassword;
        this.securityFile = securityFile;
        this.cipher = cipher;
    }

    /** Writes {@code dir/settings-security.xml} with {@code masterPassword}, encrypted as Maven encrypts it. */
    public static SettingsEncryption create(Path dir, String masterPassword) throws IOException {
        try {
            DefaultPlexusCipher cipher = new DefaultPlexusCipher();
            Path file = dir.resolve("settings-security.xml");
            String master =
                    cipher.encryptAndDecorate(masterPassword, DefaultSecDispatcher.SYSTEM_PROPERTY_SEC_LOCATION);
            Files.write(file, ("<settingsSecurity>\n  <master>" + master + "</master>\n</settingsSecurity>\n")
                    .getBytes(StandardCharsets.UTF_8));
            return new SettingsEncryption(masterPassword, file, cipher);
        } catch (PlexusCipherException e) {
            throw new IOException(e);
        }
    }

    /** Uses an existing settings-security.xml, such as the one every IT build reads. */
    public static SettingsEncryption existing(Path securityFile) throws IOException {
        String xml = new String(Files.readAllBytes(securityFile), StandardCharsets.UTF_8);
        Matcher master = Pattern.compile("<master>\\s*(\\{[^<]*})\\s*</master>").matcher(xml);
        if (!master.find()) {
            throw new IOException("No <master> in " + securityFile);
        }
        try {
            DefaultPlexusCipher cipher = new DefaultPlexusCipher();
            return new SettingsEncryption(cipher.decryptDecorated(master.group(1),
                    DefaultSecDispatcher.SYSTEM_PROPERTY_SEC_LOCATION), securityFile, cipher);
        } catch (PlexusCipherException e) {
            throw new IOException(e);
        }
    }

    public Path securityFile() {
        return securityFile;
    }

    /** The value as {@code mvn --encrypt-password} prints it, braces included. */
    public String encrypt(String value) throws IOException {
        try {
            return cipher.encryptAndDecorate(value, masterPassword);
        } catch (PlexusCipherException e) {
            throw new IOException(e);
        }
    }

    /** Maven's decrypter, reading this settings-security.xml. */
    public SettingsDecrypter decrypter() throws IOException {
        try {
            DefaultPlexusCipher dispatcherCipher = new DefaultPlexusCipher();
            DefaultSecDispatcher dispatcher = new DefaultSecDispatcher() {
                {
                    _cipher = dispatcherCipher;
                    _decryptors = new HashMap<>();
                }
            };
            dispatcher.setConfigurationFile(securityFile.toString());
            return new DefaultSettingsDecrypter(dispatcher);
        } catch (PlexusCipherException e) {
            throw new IOException(e);
        }
    }
}
