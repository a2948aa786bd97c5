package dev.cxtoken.plugin;

import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.Secret;
import dev.cxtoken.credentials.ServerCredentials;
import dev.cxtoken.credentials.ServerCredentialsSource;
import java.util.Optional;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** Reads settings.xml servers, decrypting {@code {...}} passwords with Maven's own decrypter. */
final class SettingsServerCredentials implements ServerCredentialsSource {
    private final Settings settings;
    private final SettingsDecrypter decrypter;

    SettingsServerCredentials(Settings settings, SettingsDecrypter decrypter) {
        this.settings = settings;
        this.decrypter = decrypter;
    }

    @Override
    public Optional<ServerCredentials> find(String serverId) throws InvalidConfigurationException {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            return Optional.empty();
        }
        if (ServerCredentials.isUnresolvedExpression(server.getPassword())
                || ServerCredentials.isUnresolvedExpression(server.getUsername())) {
            // The decrypter would take "${env.X}" for a damaged {encrypted} password; CredentialResolver names it.
            String password = server.getPassword();
            return Optional.of(new ServerCredentials(server.getUsername(), password == null ? null : Secret.of(password)));
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        SettingsDecryption.requireDecrypted(result, result.getServer() != null,
                "settings.xml server '" + serverId + "'");
        Server decrypted = result.getServer();
        String password = decrypted.getPassword();
        String passphrase = decrypted.getPassphrase();
        return Optional.of(new ServerCredentials(decrypted.getUsername(), password == null ? null : Secret.of(password),
                decrypted.getPrivateKey(), passphrase == null ? null : Secret.of(passphrase)));
    }
}
