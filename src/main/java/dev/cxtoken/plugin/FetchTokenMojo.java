package dev.cxtoken.plugin;

import dev.cxtoken.CxTokenException;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Fetches an OAuth access token from Genesys Cloud (client-credentials grant), NICE CXone (access-key password grant)
 * or any OAuth 2.0 server, once per build, and publishes it as project properties: {@code ${cx.token}},
 * {@code ${cx.token.expiresAt}} (ISO-8601 UTC) and, for Genesys Cloud and CXone, {@code ${cx.token.apiBaseUrl}}.
 * Secrets come from settings.xml servers or environment variables, never from the POM, and neither a secret nor the
 * token is ever logged.
 */
@Mojo(name = "fetch-token", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true, requiresProject = false)
public class FetchTokenMojo extends ClientAuthParameters {

    /**
     * The token server: {@code genesys} (Genesys Cloud), {@code cxone} (NICE CXone; needs an access key besides the
     * application's client id and secret) or {@code oauth2} (any RFC 6749 server; needs tokenUrl or issuer).
     */
    @Parameter(property = "cxtoken.provider", defaultValue = "genesys")
    private String provider;

    /**
     * Where the provider lives. For {@code genesys}: the org domain or AWS region, in any spelling:
     * {@code eu-west-1}, {@code eu_west_1}, {@code mypurecloud.ie}, {@code api.mypurecloud.ie} or
     * {@code login.mypurecloud.ie}; default {@code mypurecloud.com}. For {@code cxone}: the issuer, as a host name
     * or a full {@code https://} URL; default {@code cxone.niceincontact.com}; for the CXone access-key login, the
     * area ({@code na1}, {@code eu1}, ...). Ignored by {@code oauth2}.
     */
    @Parameter(property = "cxtoken.environment")
    private String environment;

    /**
     * Explicit token endpoint URL. Required for {@code oauth2}; for {@code genesys} it overrides the endpoint derived
     * from environment, and for {@code cxone} the one read from the issuer's discovery document. Must be
     * {@code https://}, except for loopback hosts.
     */
    @Parameter(property = "cxtoken.tokenUrl")
    private String tokenUrl;

    /**
     * Id of the settings.xml {@code <server>} whose username is the client id and whose password (plain or encrypted)
     * is the client secret. Defaults to the provider name ({@code genesys}, {@code cxone} or {@code oauth2}). For
     * {@code cxone} this is the registered application's client id and secret, not the access key.
     */
    @Parameter(property = "cxtoken.serverId")
    private String serverId;

    /** The client id, when it is in neither settings.xml nor the environment. Client ids are not secret. */
    @Parameter(property = "cxtoken.clientId")
    private String clientId;

    /**
     * Environment variable holding the client id. Defaults to {@code GENESYS_CLIENT_ID} (genesys),
     * {@code CXONE_CLIENT_ID} (cxone) or {@code OAUTH_CLIENT_ID} (oauth2). {@code <NAME>_FILE} may name a file holding
     * the value instead.
     */
    @Parameter(property = "cxtoken.clientIdEnv")
    private String clientIdEnv;

    /**
     * Environment variable holding the client secret. Defaults to {@code GENESYS_CLIENT_SECRET} (genesys),
     * {@code CXONE_CLIENT_SECRET} (cxone) or {@code OAUTH_CLIENT_SECRET} (oauth2). {@code <NAME>_FILE} may name a
     * file holding the value instead. There is deliberately no parameter for the secret itself.
     */
    @Parameter(property = "cxtoken.clientSecretEnv")
    private String clientSecretEnv;

    /**
     * CXone only: id of the settings.xml {@code <server>} holding the access key, with the access key id as username
     * and the access key secret as password (plain or encrypted). When no such server exists, the access key is read
     * from the variables named by accessKeyIdEnv and accessKeySecretEnv.
     */
    @Parameter(property = "cxtoken.accessKeyServerId", defaultValue = "cxone-access-key")
    private String accessKeyServerId;

    /**
     * CXone only: environment variable holding the access key id. {@code <NAME>_FILE} may name a file holding the
     * value instead.
     */
    @Parameter(property = "cxtoken.accessKeyIdEnv", defaultValue = "CXONE_ACCESS_KEY_ID")
    private String accessKeyIdEnv;

    /**
     * CXone only: environment variable holding the access key secret. {@code <NAME>_FILE} may name a file holding
     * the value instead. There is deliberately no parameter for the secret itself.
     */
    @Parameter(property = "cxtoken.accessKeySecretEnv", defaultValue = "CXONE_ACCESS_KEY_SECRET")
    private String accessKeySecretEnv;

    /** Scopes to request, separated by spaces or commas. Sent only when set; Genesys clients take none. */
    @Parameter(property = "cxtoken.scopes")
    private String scopes;

    /**
     * Extra form parameters for the token request, such as {@code audience} or {@code resource}, written as
     * {@code <parameters><audience>https://api.example.com</audience></parameters>}. POM only: there is no user
     * property. Names the plugin sends itself ({@code grant_type}, {@code scope}, {@code client_id}, ...) are refused.
     */
    @Parameter
    private Map<String, String> parameters;


    /**
     * CXone only: which login. {@code application}: a registered application (client id and secret) with an access
     * key, over the issuer's OpenID token endpoint. {@code access-key}: the access key alone, over NICE's access-key
     * token API of the area in environment ({@code na1}, {@code au1}, {@code eu1}, {@code uk1}, {@code ca1},
     * {@code jp1}). {@code auto}: the application login when any application credential is configured, else the
     * access-key login.
     */
    @Parameter(property = "cxtoken.cxoneLogin", defaultValue = "auto")
    private String cxoneLogin;

    /**
     * Name of the project property that receives the token; {@code <name>.expiresAt} and {@code <name>.apiBaseUrl}
     * (Genesys Cloud, and CXone when the tenant lookup succeeds) go beside it. Give each execution its own name when
     * one build fetches tokens for two orgs.
     */
    @Parameter(property = "cxtoken.tokenProperty", defaultValue = "cx.token")
    private String tokenProperty;

    /**
     * Seconds a token fetched earlier in this build must still be valid to be reused; otherwise a new one is fetched.
     * For tokens that live less than twice this long, half their lifetime is used instead. 0 to 86400.
     */
    @Parameter(property = "cxtoken.minValidity", defaultValue = "300")
    private String minValidity;

    /** Seconds for the whole fetch, retries and waits included (1 to 3600). */
    @Parameter(property = "cxtoken.timeout", defaultValue = "60")
    private String timeout;

    /**
     * Attempts in all for failures (5xx, network errors, timeouts), 1 meaning no retry (1 to 20). An answer that says
     * when to come back (429 or 503 with a Retry-After of a second or more) is waited out within timeout and does not
     * use up an attempt.
     */
    @Parameter(property = "cxtoken.maxAttempts", defaultValue = "4")
    private String maxAttempts;

    /** Seconds to wait for a TCP connection (1 to 600). */
    @Parameter(property = "cxtoken.connectTimeout", defaultValue = "10")
    private String connectTimeout;

    /** Seconds to wait for the next bytes of an answer (1 to 600). */
    @Parameter(property = "cxtoken.responseTimeout", defaultValue = "20")
    private String responseTimeout;

    /**
     * File to write the token to, for steps of the same CI job that do not run in Maven (curl, scripts, other tools).
     * Relative paths resolve against the project's base directory. The file holds the token alone, without a line
     * break, and is replaced atomically; on POSIX systems only its owner may read it (0600), and directories created
     * for it are owner-only (0700). The file outlives the build: keep it out of directories that are archived, cached
     * or uploaded (such as {@code target/} when it is kept as an artifact), for example in
     * {@code ${env.RUNNER_TEMP}}, and delete it when the job no longer needs it. Nothing is written when unset.
     */
    @Parameter(property = "cxtoken.tokenFile")
    private String tokenFile;

    /**
     * Renews each token in the background while the build runs, when it has less than minValidity left, and
     * replaces the build-wide token, the file of ${cx.token.file} and tokenFile. ${cx.token} keeps the value it had
     * when its module started: tests that outlive a token read ${cx.token.file} instead. With false, no background
     * thread is started at all.
     */
    @Parameter(property = "cxtoken.refresh", defaultValue = "true")
    private boolean refresh;

    /**
     * Revokes every token this build fetched when the build ends, after a failure or Ctrl-C too: Genesys Cloud with
     * {@code DELETE /api/v2/tokens/me}, CXone and oauth2 with RFC 7009 (see revocationUrl). Default: true, but false
     * when tokenFile is set, since that file exists for steps after Maven. An explicit value always wins. A failed
     * revocation is a warning, never a build failure.
     */
    @Parameter(property = "cxtoken.revoke")
    private String revoke;

    /**
     * oauth2 only: the server's RFC 7009 revocation endpoint, for revoke. Without it, oauth2 tokens stay valid until
     * they expire. Must be {@code https://}, except for loopback hosts.
     */
    @Parameter(property = "cxtoken.revocationUrl")
    private String revocationUrl;

    /**
     * The org the token must belong to: for {@code genesys}, the org id or name (name ignoring case), checked with
     * {@code GET /api/v2/tokens/me}; for {@code cxone}, the tenant id of the id_token. A token of another org is
     * revoked at once and the build fails before any later plugin runs. On a match, {@code <tokenProperty>.organizationId}
     * and (Genesys Cloud) {@code <tokenProperty>.organizationName} are published. Not available for {@code oauth2}.
     */
    @Parameter(property = "cxtoken.expectedOrganization")
    private String expectedOrganization;

    /**
     * Skips the goal: no credential lookup, no request, no properties set. Useful for offline builds ({@code -o}) and
     * builds that do not need a token.
     */
    @Parameter(property = "cxtoken.skip", defaultValue = "false")
    private boolean skip;

    /**
     * When false, a failure is logged as a warning and the build goes on without the token properties (later uses of
     * {@code ${cx.token}} then stay unresolved). When true, the build stops with a message saying what to change.
     */
    @Parameter(property = "cxtoken.failOnError", defaultValue = "true")
    private boolean failOnError;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    String pluginVersion;

    @Component
    SettingsDecrypter settingsDecrypter;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping token fetch (cxtoken.skip).");
            return;
        }
        if (getLog().isDebugEnabled()) {
            getLog().warn("Debug output (-X) is on: Maven's own debug lines for later plugins (their configuration,"
                    + " maven-resources-plugin's property list, Surefire's system properties) can print the value of"
                    + " ${" + tokenProperty + "} and of environment variables. This plugin prints neither; do not"
                    + " publish this log.");
        }
        try {
            BuildContext context = MavenAdapters.context(session, project, settingsDecrypter,
                    new MavenTokenLog(getLog())).userAgent("cx-token-maven-plugin/" + pluginVersion);
            new TokenGoal(context).run(MavenAdapters.parameters(this));
        } catch (CxTokenException e) {
            if (!failOnError) {
                getLog().warn(e.getMessage() + " Going on without a token, because failOnError is false.");
                return;
            }
            if (e.isUserFixable()) {
                throw new MojoFailureException(e.getMessage(), e);
            }
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
