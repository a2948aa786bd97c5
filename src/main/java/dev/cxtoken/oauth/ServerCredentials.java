package dev.cxtoken.oauth;

/** A settings.xml {@code <server>} entry, already decrypted: username and password, either possibly absent. */
public final class ServerCredentials {
    private final String username;
    private final Secret password;

    public ServerCredentials(String username, Secret password) {
        this.username = username;
        this.password = password;
    }

    /** The username, or null. */
    public String username() {
        return username;
    }

    /** The password, or null. */
    public Secret password() {
        return password;
    }

    @Override
    public String toString() {
        return "ServerCredentials{username=" + username + ", password=[redacted]}";
    }
}
