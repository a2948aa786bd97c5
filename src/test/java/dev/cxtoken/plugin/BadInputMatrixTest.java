package dev.cxtoken.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cxtoken.token.BuildTokenCache;
import dev.cxtoken.credentials.CredentialResolver;
import dev.cxtoken.CxTokenException;
import dev.cxtoken.credentials.EnvironmentVariables;
import dev.cxtoken.http.ProxyRoute;
import dev.cxtoken.credentials.ServerCredentialsSource;
import dev.cxtoken.TokenLog;
import dev.cxtoken.token.TokenService;
import dev.cxtoken.testing.ItSupport;
import dev.cxtoken.testing.TestKeys;
import dev.cxtoken.testing.ScriptedHttpServer;
import dev.cxtoken.testing.TestBuild;
import dev.cxtoken.testing.TestParameters;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.io.DefaultSettingsReader;
import org.apache.maven.settings.io.SettingsReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.cipher.PlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/**
 * The bad-input matrix: malformed configurations and credential sources, each run through the same steps as the goal
 * (parameters, settings.xml servers decrypted by Maven's own decrypter, environment variables, cache, HTTP client)
 * against a loopback token endpoint. Every one must fail before a request reaches the endpoint, with a message that
 * names the parameter or source and says what is expected. Each row of {@link #badInputs()} is one test case.
 */
class BadInputMatrixTest {
    private static final String SECRET = "matrix-S3cret:+=&ü";
    /** A secret of letters, digits and '_' only, as many Genesys secrets are: it looks like a variable name. */
    private static final String WORD_SECRET = "Gq7_x2LmZ9pKr4TvW_b3NcY8";
    private static final Path IT_SETTINGS = Paths.get("src", "it", "settings.xml");
    private static final Path IT_SECURITY = Paths.get("src", "it", "settings-security.xml");

    /** Where the credentials come from in one case. */
    private static final class Sources {
        final Map<String, String> environment = new HashMap<>();
        ServerCredentialsSource servers = serverId -> Optional.empty();
        Settings settings = new Settings();
        SettingsDecrypter decrypter = decrypter(IT_SECURITY);

        Sources withValidEnvironment() {
            return put("OAUTH_CLIENT_ID", "matrix-client").put("OAUTH_CLIENT_SECRET", SECRET);
        }

        Sources put(String name, String value) {
            environment.put(name, value);
            return this;
        }
    }

    @FunctionalInterface
    private interface Setup {
        Sources create(Path dir) throws Exception;
    }

    /** One malformed input: what changes, where the message must point, and what it must ask for. */
    private static final class BadInput {
        final UnaryOperator<Parameters> config;
        final Setup sources;
        final String where;
        final String expected;

        BadInput(UnaryOperator<Parameters> config, Setup sources, String where, String expected) {
            this.config = config;
            this.sources = sources;
            this.where = where;
            this.expected = expected;
        }
    }

    private static Arguments parameter(String name, UnaryOperator<Parameters> config, String where,
            String expected) {
        return Arguments.of(name, new BadInput(config, dir -> new Sources().withValidEnvironment(), where, expected));
    }

    private static Arguments source(String name, UnaryOperator<Parameters> config, Setup sources,
            String where, String expected) {
        return Arguments.of(name, new BadInput(config, sources, where, expected));
    }

    private static Arguments environment(String name, Setup sources, String where, String expected) {
        return source(name, b -> b, sources, where, expected);
    }

    static Stream<Arguments> badInputs() {
        String tokenUrl = "(parameter tokenUrl, property cxtoken.tokenUrl)";
        String absoluteUrl = "Expected an absolute https:// URL such as https://auth.example.com/oauth/token.";
        String seconds = "Expected a whole number of seconds from 1 to 3600.";
        String attempts = "Expected a whole number of attempts from 1 to 20.";
        String shortSeconds = "Expected a whole number of seconds from 1 to 600.";
        String validity = "Expected a whole number of seconds from 0 to 86400.";
        String scopes = "(parameter scopes, property cxtoken.scopes)";
        return Stream.of(
                // Provider and endpoint
                parameter("unknown provider", b -> b.with("provider", "okta"),
                        "Unknown provider 'okta' (parameter provider, property cxtoken.provider)",
                        "Use 'genesys' (Genesys Cloud), 'cxone' (NICE CXone) or 'oauth2'"),
                parameter("blank provider", b -> b.with("provider", " "),
                        "Unknown provider '' (parameter provider, property cxtoken.provider)",
                        "Use 'genesys' (Genesys Cloud), 'cxone' (NICE CXone) or 'oauth2'"),
                parameter("unknown Genesys environment", b -> b.with("provider", "genesys").with("tokenUrl", null)
                        .with("environment", "mypurecloud.co"), "(parameter environment, property cxtoken.environment)",
                        "Did you mean 'mypurecloud.com'? Use an AWS region or an org domain"),
                parameter("misspelt Genesys region", b -> b.with("provider", "genesys").with("tokenUrl", null)
                        .with("environment", "eu_west_9"), "environment 'eu_west_9' (parameter environment",
                        "Did you mean 'eu-west-1'?"),
                parameter("oauth2 without tokenUrl or issuer", b -> b.with("tokenUrl", null),
                        "or tokenUrl (property cxtoken.tokenUrl)", "for example https://auth.example.com/oauth2/token"),
                parameter("relative tokenUrl", b -> b.with("tokenUrl", "/oauth/token"),
                        "tokenUrl '/oauth/token' is not an absolute URL with a host " + tokenUrl, absoluteUrl),
                parameter("tokenUrl without a scheme", b -> b.with("tokenUrl", "auth.example.com/oauth/token"),
                        "is not an absolute URL with a host " + tokenUrl, absoluteUrl),
                parameter("malformed tokenUrl", b -> b.with("tokenUrl", "https://exa mple.com/token"),
                        "is not a valid URL " + tokenUrl, absoluteUrl),
                parameter("malformed tokenUrl with a password in it",
                        b -> b.with("tokenUrl", "https://id:" + SECRET + "@exa mple.com/token"),
                        "tokenUrl 'https://****@exa mple.com/token' is not a valid URL " + tokenUrl, absoluteUrl),
                parameter("http:// to a remote host", b -> b.with("tokenUrl", "http://auth.example.com/token"),
                        "uses plain http to a host that is not loopback " + tokenUrl,
                        "plain http:// is allowed for localhost, 127.0.0.0/8 and [::1] only"),
                parameter("http:// to a loopback look-alike", b -> b.with("tokenUrl", "http://127.0.0.1.example.com/token"),
                        "uses plain http to a host that is not loopback " + tokenUrl,
                        "plain http:// is allowed for localhost, 127.0.0.0/8 and [::1] only"),
                parameter("ftp:// tokenUrl", b -> b.with("tokenUrl", "ftp://auth.example.com/token"),
                        "uses the scheme 'ftp' " + tokenUrl, "Use https://."),
                parameter("credentials in tokenUrl", b -> b.with("tokenUrl", "https://id:" + SECRET + "@auth.example.com/t"),
                        "tokenUrl must not contain user information (user:password@) " + tokenUrl,
                        "Put the client id and secret in settings.xml or environment variables."),
                parameter("fragment in tokenUrl", b -> b.with("tokenUrl", "https://auth.example.com/token#x"),
                        "must not contain a fragment (#...) " + tokenUrl, "Remove the '#' and what follows it."),
                parameter("CXone issuer over plain http to a remote host", b -> b.with("provider", "cxone").with("tokenUrl", null)
                        .with("environment", "http://cxone.niceincontact.com"), "uses plain http to a host that is not loopback"
                        + " (parameter environment, property cxtoken.environment, which names the CXone issuer)",
                        "plain http:// is allowed for localhost, 127.0.0.0/8 and [::1] only"),
                parameter("CXone issuer with a query", b -> b.with("provider", "cxone").with("tokenUrl", null)
                        .with("environment", "https://cxone.niceincontact.com/?tenant=1"),
                        "must not contain a query (?...) (parameter environment, property cxtoken.environment)",
                        "Give the issuer only, such as cxone.niceincontact.com"),
                parameter("CXone issuer that is not a URL", b -> b.with("provider", "cxone").with("tokenUrl", null)
                        .with("environment", "cxone niceincontact com"), "is not a valid URL (parameter environment, property"
                        + " cxtoken.environment, which names the CXone issuer)",
                        "Expected an absolute https:// URL such as cxone.niceincontact.com"),
                // Time limits and attempts
                parameter("negative timeout", b -> b.with("timeout", "-5"), "timeout (property cxtoken.timeout) is -5", seconds),
                parameter("zero timeout", b -> b.with("timeout", "0"), "timeout (property cxtoken.timeout) is 0", seconds),
                parameter("timeout with a unit", b -> b.with("timeout", "60s"),
                        "timeout (property cxtoken.timeout) is '60s', not a number", seconds),
                parameter("timeout too long", b -> b.with("timeout", "86400"), "timeout (property cxtoken.timeout)", seconds),
                parameter("zero maxAttempts", b -> b.with("maxAttempts", "0"), "maxAttempts (property cxtoken.maxAttempts)",
                        attempts),
                parameter("negative maxAttempts", b -> b.with("maxAttempts", "-1"), "maxAttempts (property cxtoken.maxAttempts)",
                        attempts),
                parameter("maxAttempts in words", b -> b.with("maxAttempts", "four"),
                        "maxAttempts (property cxtoken.maxAttempts) is 'four', not a number", attempts),
                parameter("negative connectTimeout", b -> b.with("connectTimeout", "-10"),
                        "connectTimeout (property cxtoken.connectTimeout)", shortSeconds),
                parameter("connectTimeout with a unit", b -> b.with("connectTimeout", "10s"),
                        "connectTimeout (property cxtoken.connectTimeout) is '10s', not a number", shortSeconds),
                parameter("zero responseTimeout", b -> b.with("responseTimeout", "0"),
                        "responseTimeout (property cxtoken.responseTimeout)", shortSeconds),
                parameter("fractional responseTimeout", b -> b.with("responseTimeout", "1.5"),
                        "responseTimeout (property cxtoken.responseTimeout) is '1.5', not a number", shortSeconds),
                parameter("minValidity with a unit", b -> b.with("minValidity", "5m"),
                        "minValidity (property cxtoken.minValidity) is '5m', not a number", validity),
                parameter("negative minValidity", b -> b.with("minValidity", "-1"), "minValidity (property cxtoken.minValidity)",
                        validity),
                // Request shape and output
                parameter("scope with a quote", b -> b.with("scopes", "read \"write\""), "Scope '\"write\"' " + scopes,
                        "Separate scopes with spaces or commas."),
                parameter("scope with a backslash", b -> b.with("scopes", "read\\write"), scopes,
                        "has a character RFC 6749 does not allow in a scope"),
                parameter("scope with a non-ASCII letter", b -> b.with("scopes", "lecture:é"), scopes,
                        "has a character RFC 6749 does not allow in a scope"),
                parameter("unknown clientAuth", b -> b.with("clientAuth", "jwt"),
                        "Unknown clientAuth 'jwt' (parameter clientAuth, property cxtoken.clientAuth)",
                        "Provider 'oauth2' takes 'basic', 'post', 'private_key_jwt', 'federated'"),
                parameter("empty tokenProperty", b -> b.with("tokenProperty", " "),
                        "tokenProperty (property cxtoken.tokenProperty) is empty", "Give it a name such as cx.token."),
                parameter("tokenProperty with spaces", b -> b.with("tokenProperty", "cx token"),
                        "tokenProperty 'cx token' (property cxtoken.tokenProperty)", "Use a single word such as cx.token."),
                parameter("the secret itself given as clientSecretEnv", b -> b.with("clientSecretEnv", SECRET),
                        "clientSecretEnv (property cxtoken.clientSecretEnv) must name a variable; it holds the value of"
                                + " one, OAUTH_CLIENT_SECRET.", "<clientSecretEnv>OAUTH_CLIENT_SECRET</clientSecretEnv>"),
                parameter("a secret of letters and digits given as clientSecretEnv",
                        b -> b.with("clientSecretEnv", WORD_SECRET),
                        "clientSecretEnv (property cxtoken.clientSecretEnv) must name an environment variable, but its"
                                + " value (24 characters, not shown)", "such as GENESYS_CLIENT_SECRET"),
                source("${env.X} given as clientSecretEnv: the value of a variable", b -> b.with("clientSecretEnv",
                        WORD_SECRET), dir -> env("OAUTH_CLIENT_ID", "matrix-client").put("CI_SECRET", WORD_SECRET),
                        "clientSecretEnv (property cxtoken.clientSecretEnv) must name a variable; it holds the value"
                                + " of one, CI_SECRET.", "<clientSecretEnv>CI_SECRET</clientSecretEnv>"),
                source("${env.X} given as clientIdEnv", b -> b.with("clientIdEnv", "matrix-client-4711"),
                        dir -> new Sources().withValidEnvironment().put("CI_CLIENT", "matrix-client-4711"),
                        "clientIdEnv (property cxtoken.clientIdEnv) must name a variable; it holds the value of one,"
                                + " CI_CLIENT.", "not ${env.CI_CLIENT}"),
                source("${env.X} given as accessKeySecretEnv", b -> b.with("provider", "cxone")
                        .with("accessKeySecretEnv", WORD_SECRET), dir -> env("CXONE_ACCESS_KEY_SECRET", WORD_SECRET),
                        "accessKeySecretEnv (property cxtoken.accessKeySecretEnv) must name a variable; it holds the"
                                + " value of one, CXONE_ACCESS_KEY_SECRET.", "or leave accessKeySecretEnv out"),
                source("${env.X} given as accessKeyIdEnv", b -> b.with("provider", "cxone")
                        .with("accessKeyIdEnv", "AK_4711_key"), dir -> env("CXONE_ACCESS_KEY_ID", "AK_4711_key"),
                        "accessKeyIdEnv (property cxtoken.accessKeyIdEnv) must name a variable; it holds the value of"
                                + " one, CXONE_ACCESS_KEY_ID.", "<accessKeyIdEnv>CXONE_ACCESS_KEY_ID</accessKeyIdEnv>"),
                parameter("the access key secret itself given as accessKeySecretEnv",
                        b -> b.with("provider", "cxone").with("accessKeySecretEnv", SECRET), "accessKeySecretEnv (property"
                        + " cxtoken.accessKeySecretEnv) must name a variable; it holds the value of one,"
                        + " OAUTH_CLIENT_SECRET.", "not ${env.OAUTH_CLIENT_SECRET}"),
                parameter("a secret with symbols given as clientSecretEnv, no variable holding it",
                        b -> b.with("clientSecretEnv", "other-" + SECRET), "clientSecretEnv (property"
                        + " cxtoken.clientSecretEnv) must name an environment variable, but its value",
                        "never put the value itself here"),
                parameter("accessKeyIdEnv with a dash", b -> b.with("provider", "cxone").with("accessKeyIdEnv", "CXONE-KEY"),
                        "accessKeyIdEnv (property cxtoken.accessKeyIdEnv) must name an environment variable",
                        "an upper-case name of A-Z, 0-9 and '_'"),
                // A GitLab CI variable of type File holds the path of a temporary file, not the value
                environment("a GitLab File variable as the secret", dir -> env("OAUTH_CLIENT_ID", "matrix-client")
                        .put("OAUTH_CLIENT_SECRET", Files.write(dir.resolve("gitlab-file-var"),
                                SECRET.getBytes(StandardCharsets.UTF_8)).toString()),
                        "Environment variable OAUTH_CLIENT_SECRET holds the path of an existing file (not shown)",
                        "name that CI variable OAUTH_CLIENT_SECRET_FILE instead, or change its type to Variable."),
                source("a GitLab File variable as the access key secret", b -> b.with("provider", "cxone"),
                        dir -> env("CXONE_ACCESS_KEY_ID", "key").put("CXONE_ACCESS_KEY_SECRET", Files.write(
                                dir.resolve("gitlab-file-var"), SECRET.getBytes(StandardCharsets.UTF_8)).toString()),
                        "Environment variable CXONE_ACCESS_KEY_SECRET holds the path of an existing file",
                        "name that CI variable CXONE_ACCESS_KEY_SECRET_FILE instead"),
                source("a GitLab File variable read into a settings.xml password", b -> b.with("serverId", "file-var"),
                        dir -> settings(dir, "<server><id>file-var</id><username>id</username><password>"
                                + Files.write(dir.resolve("gitlab-file-var"), SECRET.getBytes(StandardCharsets.UTF_8))
                                + "</password></server>"),
                        "settings.xml server 'file-var' has a <password> that is the path of an existing file",
                        "change the variable's type to Variable."),
                parameter("accessKeyServerId with spaces", b -> b.with("provider", "cxone").with("accessKeyServerId", "cxone key"),
                        "accessKeyServerId 'cxone key' (property cxtoken.accessKeyServerId)", "Use a single word"),
                parameter("extra parameter the plugin sets itself", b -> b.withExtraParameters(Map.of("client_secret", "x")),
                        "Extra form parameter 'client_secret' (parameter parameters)", "Remove it;"),
                parameter("extra parameter without a value", b -> b.withExtraParameters(Map.of("audience", " ")),
                        "Extra form parameter 'audience' (parameter parameters)", "Give it a value or remove it."),
                parameter("serverId with spaces", b -> b.with("serverId", "my server"),
                        "serverId 'my server' (property cxtoken.serverId)", "Use a single word such as genesys-prod."),
                // Environment variables and the files they name
                environment("empty secret variable", dir -> env("OAUTH_CLIENT_SECRET", ""),
                        "Environment variable OAUTH_CLIENT_SECRET is set but empty", "Set it to the value, or unset it."),
                environment("whitespace-only secret variable", dir -> env("OAUTH_CLIENT_SECRET", " \t\n"),
                        "Environment variable OAUTH_CLIENT_SECRET is set but empty", "Set it to the value, or unset it."),
                environment("empty client id variable", dir -> env("OAUTH_CLIENT_ID", "")
                        .put("OAUTH_CLIENT_SECRET", SECRET),
                        "Environment variable OAUTH_CLIENT_ID is set but empty", "Set it to the value, or unset it."),
                environment("_FILE naming a missing file", dir -> env("OAUTH_CLIENT_SECRET_FILE",
                        dir.resolve("missing").toString()), "named by environment variable OAUTH_CLIENT_SECRET_FILE",
                        "is no existing file. Check the path, or that the secret is mounted"),
                environment("_FILE naming an unreadable file", BadInputMatrixTest::unreadableFile,
                        "named by environment variable OAUTH_CLIENT_SECRET_FILE",
                        "permission denied. Check that the user running Maven may read it."),
                environment("_FILE naming a directory", dir -> env("OAUTH_CLIENT_SECRET_FILE", dir.toString()),
                        "named by environment variable OAUTH_CLIENT_SECRET_FILE",
                        "it is not a regular file. Point it at the file that holds the value."),
                environment("_FILE naming an empty file", dir -> env("OAUTH_CLIENT_SECRET_FILE",
                        Files.createFile(dir.resolve("empty")).toString()),
                        "named by environment variable OAUTH_CLIENT_SECRET_FILE", "it is empty. Write the value"),
                environment("_FILE naming a file of white space", dir -> env("OAUTH_CLIENT_SECRET_FILE",
                        Files.write(dir.resolve("blank"), " \n\n".getBytes(StandardCharsets.UTF_8)).toString()),
                        "named by environment variable OAUTH_CLIENT_SECRET_FILE", "it is empty. Write the value"),
                environment("empty _FILE variable", dir -> env("OAUTH_CLIENT_SECRET_FILE", ""),
                        "Environment variable OAUTH_CLIENT_SECRET_FILE is set but empty",
                        "Set it to the path of the file that holds the value, or unset it."),
                environment("both the variable and its _FILE form", dir -> env("OAUTH_CLIENT_SECRET", SECRET)
                        .put("OAUTH_CLIENT_SECRET_FILE", "/run/secrets/x"),
                        "Both environment variables OAUTH_CLIENT_SECRET and OAUTH_CLIENT_SECRET_FILE are set",
                        "Keep one"),
                environment("no credentials anywhere", dir -> new Sources(),
                        "Looked in: settings.xml server 'oauth2' (not found), environment variable OAUTH_CLIENT_ID /"
                                + " OAUTH_CLIENT_ID_FILE (not set), environment variable OAUTH_CLIENT_SECRET /"
                                + " OAUTH_CLIENT_SECRET_FILE (not set), parameter clientId (property cxtoken.clientId)"
                                + " (not set)",
                        "Add a <server> with id 'oauth2' to settings.xml (username = client id, password = client"
                                + " secret; parameter serverId, property cxtoken.serverId, picks another id), or set"
                                + " OAUTH_CLIENT_ID and OAUTH_CLIENT_SECRET."),
                environment("client id without a secret", dir -> env("OAUTH_CLIENT_ID", "matrix-client"),
                        "No client secret found for provider 'oauth2'", "or set OAUTH_CLIENT_ID and OAUTH_CLIENT_SECRET."),
                environment("client id without a secret: the id is labelled as set", dir -> env("OAUTH_CLIENT_ID",
                        "matrix-client"), "environment variable OAUTH_CLIENT_ID / OAUTH_CLIENT_ID_FILE (set),"
                                + " environment variable OAUTH_CLIENT_SECRET / OAUTH_CLIENT_SECRET_FILE (not set)",
                        "or set OAUTH_CLIENT_ID and OAUTH_CLIENT_SECRET."),
                source("client id from the parameter, without a secret", b -> b.with("clientId", "matrix-client"),
                        dir -> new Sources(), "parameter clientId (property cxtoken.clientId) (set)",
                        "No client secret found for provider 'oauth2'"),
                environment("secret without a client id", dir -> env("OAUTH_CLIENT_SECRET", SECRET),
                        "No client id found for provider 'oauth2'", "or set OAUTH_CLIENT_ID and OAUTH_CLIENT_SECRET."),
                source("CXone application without an access key", b -> b.with("provider", "cxone"),
                        dir -> env("CXONE_CLIENT_ID", "app").put("CXONE_CLIENT_SECRET", SECRET),
                        "No access key credentials found for provider 'cxone'",
                        "or set CXONE_ACCESS_KEY_ID and CXONE_ACCESS_KEY_SECRET."),
                source("empty CXone access key secret variable", b -> b.with("provider", "cxone"),
                        dir -> env("CXONE_CLIENT_ID", "app").put("CXONE_CLIENT_SECRET", SECRET)
                                .put("CXONE_ACCESS_KEY_ID", "key").put("CXONE_ACCESS_KEY_SECRET", " "),
                        "Environment variable CXONE_ACCESS_KEY_SECRET is set but empty",
                        "Set it to the value, or unset it."),
                // settings.xml servers, read and decrypted by Maven's own classes
                source("server without a password", b -> b.with("serverId", "no-password"),
                        dir -> settings(dir, "<server><id>no-password</id><username>id</username></server>"),
                        "settings.xml server 'no-password' has no <password>", "Put the client secret there"),
                source("server with an empty password", b -> b.with("serverId", "empty-password"),
                        dir -> settings(dir, "<server><id>empty-password</id><username>id</username><password>"
                                + "</password></server>"),
                        "settings.xml server 'empty-password' has no <password>", "Put the client secret there"),
                source("server without a username or clientId", b -> b.with("serverId", "no-username"),
                        dir -> settings(dir, "<server><id>no-username</id><password>" + SECRET.replace("&", "&amp;") + "</password></server>"),
                        "settings.xml server 'no-username' has no <username>",
                        "Put the client id there, or set the clientId parameter (property cxtoken.clientId)."),
                source("encrypted password under another master password", b -> b.with("serverId", "it-encrypted"),
                        dir -> itSettings(otherMasterPassword(dir)),
                        "Cannot decrypt the password of settings.xml server 'it-encrypted'",
                        "Check ~/.m2/settings-security.xml (the master password) or re-encrypt the password"),
                source("encrypted password without settings-security.xml", b -> b.with("serverId", "it-encrypted"),
                        dir -> itSettings(dir.resolve("no-settings-security.xml")),
                        "Cannot decrypt the password of settings.xml server 'it-encrypted'",
                        "Check ~/.m2/settings-security.xml (the master password) or re-encrypt the password"),
                // private_key_jwt: keys from settings.xml (read and decrypted by Maven) or the environment
                source("unreadable key file", jwt(), dir -> settings(dir, "<server><id>oauth2</id><username>c"
                                + "</username><privateKey>" + dir.resolve("missing.pem") + "</privateKey></server>"),
                        "settings.xml server 'oauth2' <privateKey> ('" + "", "is no existing file. Set it to the path of"
                                + " the PKCS#8 PEM or PKCS#12 file that holds the client's private key."),
                source("wrong passphrase of an encrypted PEM", jwt(), dir -> settings(dir, "<server><id>oauth2</id>"
                                + "<username>c</username><privateKey>" + TestKeys.fixture("ec-p256-encrypted.pem")
                                + "</privateKey><passphrase>pw9</passphrase></server>"),
                        "Cannot decrypt the private key in settings.xml server 'oauth2' <privateKey>",
                        "the passphrase is wrong. Check <passphrase> of the settings.xml server"),
                source("wrong passphrase of a PKCS#12 file", jwt(), dir -> settings(dir, "<server><id>oauth2</id>"
                                + "<username>c</username><privateKey>" + TestKeys.pkcs12(dir, "client", "right-pass")
                                + "</privateKey><passphrase>pw9</passphrase></server>"),
                        "Cannot decrypt the private key in settings.xml server 'oauth2' <privateKey>",
                        "the passphrase is wrong."),
                source("encrypted PEM without a passphrase", jwt(), dir -> settings(dir, "<server><id>oauth2</id>"
                                + "<username>c</username><privateKey>" + TestKeys.fixture("rsa-2048-encrypted.pem")
                                + "</privateKey></server>"),
                        "is encrypted, and no passphrase is configured", "Put it in <passphrase> of the settings.xml"),
                source("a server for private_key_jwt with a password but no key", jwt(), dir -> settings(dir,
                                "<server><id>oauth2</id><username>c</username><password>pw9</password></server>"),
                        "settings.xml server 'oauth2' has no <privateKey>", "put the path of the client's private key"),
                source("a server with a key, for basic", b -> b, dir -> settings(dir, "<server><id>oauth2</id>"
                                + "<username>c</username><privateKey>/k.pem</privateKey></server>"),
                        "settings.xml server 'oauth2' has no <password>",
                        "to sign in with that key, set clientAuth (cxtoken.clientAuth) to private_key_jwt"),
                source("a key type that does not fit signingAlgorithm", b -> jwt().apply(b).with("signingAlgorithm",
                                "RS256"), dir -> key(TestKeys.pkcs8(TestKeys.ec("secp256r1").getPrivate())),
                        "signingAlgorithm RS256 (property cxtoken.signingAlgorithm) does not fit the key from"
                                + " environment variable OAUTH_CLIENT_KEY", "Set signingAlgorithm to ES256"),
                source("an unknown signingAlgorithm", b -> jwt().apply(b).with("signingAlgorithm", "HS256"),
                        dir -> key(TestKeys.pkcs8(TestKeys.rsa(2048).getPrivate())),
                        "signingAlgorithm 'HS256' (property cxtoken.signingAlgorithm)", "Use RS256 or PS256 for an RSA"),
                source("an RSA key under 2048 bits", jwt(), dir -> key(TestKeys.pkcs8(TestKeys.rsa(1024).getPrivate())),
                        "The RSA key from environment variable OAUTH_CLIENT_KEY has 1024 bits", "need at least 2048"),
                source("a PEM that holds a certificate", jwt(), dir -> key("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAw"
                                + "\n-----END CERTIFICATE-----\n"),
                        "environment variable OAUTH_CLIENT_KEY holds a certificate, not a private key",
                        "the build needs the private key that belongs to it"),
                source("a key in the older RSA PRIVATE KEY form", jwt(), dir -> env("OAUTH_CLIENT_ID", "c").put(
                                "OAUTH_CLIENT_KEY_FILE", TestKeys.fixture("rsa-2048-traditional.pem").toString()),
                        "file named by OAUTH_CLIENT_KEY_FILE is in the older RSA PRIVATE KEY form",
                        "openssl pkcs8 -topk8 -nocrypt"),
                source("no key anywhere", jwt(), dir -> env("OAUTH_CLIENT_ID", "c"),
                        "No private key found for provider 'oauth2' (clientAuth private_key_jwt)",
                        "set OAUTH_CLIENT_KEY to the PEM text"),
                // federated: the CI's identity token, checked before it is sent
                source("an assertion that is not a JWT", federated(), dir -> env("OAUTH_CLIENT_ASSERTION", "not-a-jwt"),
                        "The client assertion from environment variable OAUTH_CLIENT_ASSERTION is not a JWT",
                        "It must hold the CI job's identity token itself"),
                source("an expired assertion", federated(), dir -> env("OAUTH_CLIENT_ASSERTION",
                                TestKeys.ciToken("s", "https://sso.example", -120)),
                        "The client assertion from environment variable OAUTH_CLIENT_ASSERTION expired at",
                        "CI identity tokens live only minutes"),
                source("an assertion for another audience", b -> federated().apply(b).with("assertionAudience",
                                "https://sso.example"), dir -> env("OAUTH_CLIENT_ASSERTION",
                                TestKeys.ciToken("s", "https://other.example", 300)),
                        "is for the audience [https://other.example], not https://sso.example (assertionAudience",
                        "in GitLab CI, id_tokens: { OAUTH_CLIENT_ASSERTION: { aud: https://sso.example } }"),
                source("no assertion anywhere", federated(), dir -> new Sources(),
                        "No client assertion found for provider 'oauth2' (clientAuth federated)",
                        "in GitLab CI, id_tokens: { OAUTH_CLIENT_ASSERTION: { aud: <audience> } }"),
                source("GitHub Actions without id-token: write", federated(), dir -> env("GITHUB_ACTIONS", "true"),
                        "GitHub Actions OIDC (ACTIONS_ID_TOKEN_REQUEST_URL not set",
                        "give the job permissions: id-token: write"),
                source("GitHub Actions without an audience", federated(), dir -> env("GITHUB_ACTIONS", "true")
                                .put("ACTIONS_ID_TOKEN_REQUEST_URL", "https://runner.example/oidc?v=1")
                                .put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "pw9"),
                        "requests the job's OIDC token for an audience, and none is configured",
                        "Set assertionAudience (property cxtoken.assertionAudience)"),
                // methods and parameters where they do not belong
                parameter("private_key_jwt with provider genesys", b -> jwt().apply(b).with("provider", "genesys"),
                        "clientAuth 'private_key_jwt' (property cxtoken.clientAuth) is not offered by provider"
                                + " 'genesys'", "Use private_key_jwt with provider 'oauth2'"),
                parameter("federated with provider cxone", b -> federated().apply(b).with("provider", "cxone"),
                        "clientAuth 'federated' (property cxtoken.clientAuth) is not offered by provider 'cxone'",
                        "Use federated with provider 'oauth2'"),
                parameter("keyId without private_key_jwt", b -> b.with("keyId", "k1"),
                        "keyId (property cxtoken.keyId) is for clientAuth private_key_jwt", "Remove keyId"),
                parameter("clientAssertionEnv without federated", b -> jwt().apply(b).with("clientAssertionEnv", "X"),
                        "clientAssertionEnv (property cxtoken.clientAssertionEnv) is for clientAuth federated",
                        "Remove clientAssertionEnv"),
                parameter("issuer with provider genesys", b -> b.with("provider", "genesys").with("issuer",
                                "https://sso.example"), "issuer (property cxtoken.issuer) is for provider 'oauth2'",
                        "Remove issuer."),
                parameter("issuer over plain http", b -> b.with("tokenUrl", null).with("issuer", "http://sso.example"),
                        "issuer 'http://sso.example' uses plain http", "Credentials and tokens are only sent over"),
                parameter("issuer with a query", b -> b.with("tokenUrl", null).with("issuer", "https://sso.example?x=1"),
                        "(parameter issuer, property cxtoken.issuer)", "must not contain a query"),
                source("damaged encrypted password", b -> b.with("serverId", "damaged"),
                        dir -> settings(dir, "<server><id>damaged</id><username>id</username>"
                                + "<password>{bm90IGEgcmVhbCBjaXBoZXJ0ZXh0}</password></server>", IT_SECURITY),
                        "Cannot decrypt the password of settings.xml server 'damaged'",
                        "Check ~/.m2/settings-security.xml (the master password) or re-encrypt the password"),
                // Proxies and the token file: steps of the goal before any request
                environment("proxy without a host", dir -> proxied(" ", 3128),
                        "settings.xml proxy 'corp' has no <host>", "Set it to the proxy's host name"),
                environment("proxy port out of range", dir -> proxied("proxy.example.com", 70000),
                        "settings.xml proxy 'corp' has the <port> 70000", "Use a number from 1 to 65535"),
                environment("proxy host that is a URL with a password", dir -> proxied("http://u:pw9@proxy:3128", 8080),
                        "settings.xml proxy 'corp' has the <host> 'http://****@proxy:3128', which is not a host name",
                        "Give the proxy's host name or IP address only"),
                // CXone logins
                source("CXone access key id without its secret", b -> b.with("provider", "cxone"),
                        dir -> env("CXONE_ACCESS_KEY_ID", "key"),
                        "No access key secret found for provider 'cxone'", "CXONE_ACCESS_KEY_SECRET"),
                parameter("unknown CXone area", b -> b.with("provider", "cxone").with("cxoneLogin", "access-key")
                        .with("tokenUrl", null).with("environment", "eu9"),
                        "Unknown CXone area 'eu9' (parameter environment", "Use one of na1, au1, eu1"),
                source("cxoneLogin=application without application credentials", b -> b.with("provider", "cxone")
                        .with("cxoneLogin", "application"), dir -> env("CXONE_ACCESS_KEY_ID", "key")
                        .put("CXONE_ACCESS_KEY_SECRET", SECRET),
                        "No application client credentials found for provider 'cxone'", "CXONE_CLIENT_SECRET"),
                parameter("unknown cxoneLogin", b -> b.with("provider", "cxone").with("cxoneLogin", "keys"),
                        "Unknown cxoneLogin 'keys' (parameter cxoneLogin, property cxtoken.cxoneLogin)",
                        "Use 'auto'"),
                parameter("token file that is a directory", b -> b.with("tokenFile", "."),
                        "(parameter tokenFile, property cxtoken.tokenFile) is a directory", "Name a file in it"));
    }

    /** Valid credentials, and a settings.xml whose active https proxy has the given host and port. */
    private static Sources proxied(String host, int port) {
        Sources sources = new Sources().withValidEnvironment();
        org.apache.maven.settings.Proxy proxy = new org.apache.maven.settings.Proxy();
        proxy.setId("corp");
        proxy.setActive(true);
        proxy.setProtocol("https");
        proxy.setHost(host);
        proxy.setPort(port);
        sources.settings.addProxy(proxy);
        return sources;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void failsBeforeSendingAnything(String name, BadInput input, @TempDir Path dir) throws Exception {
        Sources sources = input.sources.create(dir);
        try (ScriptedHttpServer server = new ScriptedHttpServer(ScriptedHttpServer.token("never-issued", 3600))) {
            CxTokenException e = assertThrows(CxTokenException.class,
                    () -> obtain(input.config.apply(validConfiguration(server)), sources));
            String message = e.getMessage();
            assertEquals(0, server.requests().size(), "a request was sent");
            assertTrue(e.isUserFixable(), "not reported as the user's to fix: " + message);
            assertTrue(message.contains(input.where), "does not say where: " + message);
            assertTrue(message.contains(input.expected), "does not say what is expected: " + message);
            for (String secret : new String[] {SECRET, WORD_SECRET, ItSupport.CLIENT_SECRET, "pw9"}) {
                assertFalse(message.contains(secret), "shows a secret: " + message);
            }
        }
    }

    /** The same steps with nothing wrong reach the endpoint, so a case that sends nothing failed before sending. */
    @Test
    void theValidConfigurationReachesTheEndpoint() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(ScriptedHttpServer.token("issued", 3600))) {
            TokenService.Outcome outcome = obtain(validConfiguration(server), new Sources().withValidEnvironment());
            assertEquals("issued", outcome.token().value().reveal());
            assertEquals(1, server.requests().size());
        }
    }

    /** Likewise for CXone: with both pairs present the login is sent (what the stand-in answers does not matter). */
    @Test
    void theValidCxoneConfigurationReachesTheEndpoint(@TempDir Path dir) throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(ScriptedHttpServer.token("issued", 3600))) {
            Sources sources = env("CXONE_CLIENT_ID", "app").put("CXONE_CLIENT_SECRET", SECRET)
                    .put("CXONE_ACCESS_KEY_ID", "key").put("CXONE_ACCESS_KEY_SECRET", SECRET);
            TestBuild build = new TestBuild();
            TokenService.Outcome outcome = run(validConfiguration(server).with("provider", "cxone"), sources, build);
            assertEquals("issued", outcome.token().value().reveal());
            assertEquals(1, server.requests().size(), "exactly the token request: tokenUrl skips discovery");
            // The scripted token has no id_token, so the tenant lookup is given up with a warning, not sent.
            assertTrue(build.log.all().contains("WARN Could not find the NICE CXone API base URL")
                    && build.log.all().contains("has no id_token"), build.log.all());
        }
    }

    /** The decrypter is real: with the right master password, the IT settings' encrypted secret comes out. */
    @Test
    void theEncryptedPasswordDecryptsWithItsMasterPassword() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(ScriptedHttpServer.token("issued", 3600))) {
            TokenService.Outcome outcome =
                    obtain(validConfiguration(server).with("serverId", "it-encrypted"), itSettings(IT_SECURITY));
            assertEquals("settings.xml server 'it-encrypted'", outcome.credentials().get(0).source());
            assertEquals(ItSupport.CLIENT_SECRET, outcome.credentials().get(0).secret().reveal());
            assertEquals(1, server.requests().size());
        }
    }

    private static Parameters validConfiguration(ScriptedHttpServer server) {
        return TestParameters.defaults().with("provider", "oauth2").with("tokenUrl", server.url("/token"));
    }

    /** The goal itself, through the wiring the mojo uses, with Maven's settings adapters over real settings. */
    private static TokenService.Outcome obtain(Parameters parameters, Sources sources) throws CxTokenException {
        return run(parameters, sources, new TestBuild());
    }

    private static TokenService.Outcome run(Parameters parameters, Sources sources, TestBuild build)
            throws CxTokenException {
        build.environment.putAll(sources.environment);
        build.serverSource = sources.servers;
        build.proxyChoice = () -> SettingsProxies.select(sources.settings, sources.decrypter,
                () -> EnvironmentProxies.orJvmDefault(sources.environment::get));
        return build.run(parameters).outcome();
    }

    private static UnaryOperator<Parameters> jwt() {
        return b -> b.with("clientAuth", "private_key_jwt");
    }

    private static UnaryOperator<Parameters> federated() {
        return b -> b.with("clientAuth", "federated").with("clientId", "c");
    }

    /** A client id and this text as the PEM key in OAUTH_CLIENT_KEY. */
    private static Sources key(String pem) {
        return env("OAUTH_CLIENT_ID", "c").put("OAUTH_CLIENT_KEY", pem);
    }

    private static Sources env(String name, String value) {
        return new Sources().put(name, value);
    }

    /**
     * A secret file nobody may read. File permissions do not bind root, so as root this case cannot be staged and is
     * skipped; the directory case covers the same failure to read for every user.
     */
    private static Sources unreadableFile(Path dir) throws IOException {
        Path file = Files.write(dir.resolve("locked"), SECRET.getBytes(StandardCharsets.UTF_8));
        assumeTrue(file.toFile().setReadable(false, false), "this file system has no read permission to remove");
        assumeFalse(canRead(file), "file permissions do not apply to this user (root), so no file is unreadable");
        return env("OAUTH_CLIENT_SECRET_FILE", file.toString());
    }

    private static boolean canRead(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            in.read();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A settings.xml holding {@code servers}, with the IT master password unless another is given. */
    private static Sources settings(Path dir, String servers) throws IOException {
        return settings(dir, servers, IT_SECURITY);
    }

    private static Sources settings(Path dir, String servers, Path security) throws IOException {
        Path file = Files.write(dir.resolve("settings.xml"), ("<settings><servers>" + servers
                + "</servers></settings>").getBytes(StandardCharsets.UTF_8));
        return settingsSources(file, security);
    }

    /** The invoker ITs' own settings.xml, whose server it-encrypted holds an encrypted secret. */
    private static Sources itSettings(Path security) throws IOException {
        return settingsSources(IT_SETTINGS, security);
    }

    private static Sources settingsSources(Path settingsFile, Path security) throws IOException {
        Settings settings = new DefaultSettingsReader().read(settingsFile.toFile(), Map.of(SettingsReader.IS_STRICT, Boolean.TRUE));
        Sources sources = new Sources();
        sources.settings = settings;
        sources.decrypter = decrypter(security);
        sources.servers = new SettingsServerCredentials(settings, sources.decrypter);
        return sources;
    }

    /**
     * Maven's own decrypter over a given settings-security.xml, wired as Maven wires it, but without the
     * {@code settings.security} system property, which is JVM-wide.
     */
    static SettingsDecrypter decrypter(Path securityFile) {
        PlexusCipher cipher;
        try {
            cipher = new DefaultPlexusCipher();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        DefaultSecDispatcher dispatcher = new DefaultSecDispatcher() {
            {
                _cipher = cipher;
            }
        };
        dispatcher.setConfigurationFile(securityFile.toAbsolutePath().toString());
        return new DefaultSettingsDecrypter(dispatcher);
    }

    /** A settings-security.xml with a master password other than the one the IT secret was encrypted under. */
    private static Path otherMasterPassword(Path dir) throws Exception {
        String master = new DefaultPlexusCipher().encryptAndDecorate("another-master-password",
                DefaultSecDispatcher.SYSTEM_PROPERTY_SEC_LOCATION);
        return Files.write(dir.resolve("settings-security.xml"),
                ("<settingsSecurity><master>" + master + "</master></settingsSecurity>")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
