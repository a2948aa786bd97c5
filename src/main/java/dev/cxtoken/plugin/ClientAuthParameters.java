package dev.cxtoken.plugin;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goal's parameters about how the client authenticates and where an oauth2 server's endpoints are found. A
 * superclass only to keep the mojo readable: Maven and {@link MavenAdapters} read inherited parameters alike.
 */
abstract class ClientAuthParameters extends AbstractMojo {
    /**
     * How the client authenticates: {@code basic} (an Authorization header) or {@code post} (client_id and
     * client_secret in the form body), with a client secret; for {@code oauth2} also {@code private_key_jwt} (an
     * assertion signed with the client's private key, RFC 7523) or {@code federated} (the CI job's own identity token
     * as the client assertion: no stored secret at all). Default: {@code post} for a {@code cxone} application, as
     * NICE's registration form asks; {@code basic} otherwise. Genesys Cloud needs {@code basic}.
     */
    @Parameter(property = "cxtoken.clientAuth")
    private String clientAuth;

    /**
     * oauth2 only: the authorization server's issuer, such as {@code https://sso.example.com/realms/ci}. The plugin
     * reads its metadata (RFC 8414 {@code /.well-known/oauth-authorization-server}, else
     * {@code /.well-known/openid-configuration}) once per build for the token endpoint, the revocation endpoint and
     * the client authentication methods it takes; the document must name this issuer exactly. tokenUrl and
     * revocationUrl, when set, override what it names.
     */
    @Parameter(property = "cxtoken.issuer")
    private String issuer;

    /** private_key_jwt only: the {@code kid} header of the signed assertion, for servers that hold several keys. */
    @Parameter(property = "cxtoken.keyId")
    private String keyId;

    /**
     * private_key_jwt only: the JWS algorithm, {@code RS256}, {@code PS256} (RSA keys) or {@code ES256} (EC P-256
     * keys). Default: RS256 for an RSA key, ES256 for an EC key.
     */
    @Parameter(property = "cxtoken.signingAlgorithm")
    private String signingAlgorithm;

    /**
     * private_key_jwt: the {@code aud} of the signed assertion; default: the token endpoint URL. federated: the
     * audience the CI token must be issued for (checked before it is sent) and the audience requested from the
     * GitHub Actions runner; default for that request: issuer.
     */
    @Parameter(property = "cxtoken.assertionAudience")
    private String assertionAudience;

    /**
     * private_key_jwt only: environment variable holding the client's private key as PKCS#8 PEM text, used when no
     * settings.xml server serverId exists (a server gives the key file in {@code <privateKey>}). Default:
     * {@code OAUTH_CLIENT_KEY}. {@code <NAME>_FILE} may name a file holding it instead.
     */
    @Parameter(property = "cxtoken.clientKeyEnv")
    private String clientKeyEnv;

    /**
     * federated only: environment variable holding the CI job's identity token (a JWT), such as the one GitLab's
     * {@code id_tokens} defines. Default: {@code OAUTH_CLIENT_ASSERTION}. {@code <NAME>_FILE} may name a file holding
     * it instead. When unset on GitHub Actions, a fresh token is requested from the runner for every request.
     */
    @Parameter(property = "cxtoken.clientAssertionEnv")
    private String clientAssertionEnv;
}
