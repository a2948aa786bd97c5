package dev.cxtoken.plugin;

import dev.cxtoken.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** Turns the errors of Maven's settings decrypter into one message that names the entry and says what to fix. */
final class SettingsDecryption {
    private SettingsDecryption() {}

    /**
     * @param entry what was decrypted, e.g. {@code settings.xml server 'genesys'}
     * @param decrypted whether the result holds the decrypted entry
     */
    static void requireDecrypted(SettingsDecryptionResult result, boolean decrypted, String entry)
            throws InvalidConfigurationException {
        List<String> errors = new ArrayList<>();
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                errors.add(problem.getMessage());
            }
        }
        if (!errors.isEmpty() || !decrypted) {
            throw new InvalidConfigurationException("Cannot decrypt the password of " + entry + ": "
                    + String.join("; ", errors) + ". Check ~/.m2/settings-security.xml (the master password) or re-encrypt the"
                    + " password with mvn --encrypt-password.");
        }
    }
}
