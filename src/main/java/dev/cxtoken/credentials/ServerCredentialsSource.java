package dev.cxtoken.credentials;

import dev.cxtoken.InvalidConfigurationException;
import java.util.Optional;

/** Looks up settings.xml servers; the Maven side implements it over Settings and SettingsDecrypter. */
@FunctionalInterface
public interface ServerCredentialsSource {
    /**
     * @return the server's decrypted credentials, or empty when no server has that id
     * @throws InvalidConfigurationException when the server exists but cannot be decrypted
     */
    Optional<ServerCredentials> find(String serverId) throws InvalidConfigurationException;
}
