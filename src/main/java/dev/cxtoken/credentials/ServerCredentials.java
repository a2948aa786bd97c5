package dev.cxtoken.credentials;

import dev.cxtoken.Secret;

import java.util.regex.Pattern;

/** A settings.xml {@code <server>} entry, already decrypted: username and password, either possibly absent. */
public final class ServerCredentials {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{[^}]+}");

    private final String username;
    private final Secret password;
    private final String privateKey;
    private final Secret passphrase;

    public ServerCredentials(String username, Secret password) {
        this(username, password, null, null);
    }

    /**
     * @param privateKey the {@code <privateKey>} path, or null
     * @param passphrase the decrypted {@code <passphrase>}, or null
     */
    public ServerCredentials(String username, Secret password, String privateKey, Secret passphrase) {
        this.username = username;
        this.password = password;
        this.privateKey = privateKey == null || privateKey.trim().isEmpty() ? null : privateKey.trim();
        this.passphrase = passphrase;
    }

    /** The {@code <privateKey>} path, or null. */
    public String privateKey() {
        return privateKey;
    }

    /** The {@code <passphrase>}, or null. */
    public Secret passphrase() {
        return passphrase;
    }

    /** The username, or null. */
    public String username() {
        return username;
    }

    /** The password, or null. */
    public Secret password() {
        return password;
    }

    /**
     * True when a value is one whole {@code ${...}} expression, which Maven leaves as it is when it cannot resolve it
     * (an unset {@code ${env.X}} in a CI settings.xml, say). Such a value is not a credential.
     */
    public static boolean isUnresolvedExpression(String value) {
        return value != null && EXPRESSION.matcher(value.trim()).matches();
    }

    @Override
    public String toString() {
        return "ServerCredentials{username=" + username + ", password=[redacted], privateKey=" + privateKey
                + ", passphrase=[redacted]}";
    }
}
