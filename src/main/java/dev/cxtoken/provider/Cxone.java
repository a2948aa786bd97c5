package dev.cxtoken.provider;

import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.Urls;
import dev.cxtoken.credentials.CredentialPlace;
import dev.cxtoken.oauth.ClientAuthentication;
import dev.cxtoken.oauth.ClientAuthentications;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;

/**
 * NICE CXone back ends, with two logins: a registered application with an access key (the password grant, at the
 * token endpoint of the issuer's OpenID discovery document; the application sends client_secret_post unless
 * configured otherwise), or an access key alone (NICE's access-key token API of the area). {@code cxoneLogin} picks one,
 * by default the application login when its credentials are configured.
 */
final class Cxone implements Provider {
    /** NICE's global CXone issuer, used when environment does not name another one. */
    static final String DEFAULT_ISSUER = "cxone.niceincontact.com";

    @Override
    public String id() {
        return "cxone";
    }

    @Override
    public String title() {
        return "NICE CXone";
    }

    @Override
    public Login configure(ProviderOptions options) throws InvalidConfigurationException {
        String login = ProviderOptions.orDefault(options.cxoneLogin, "auto").toLowerCase(Locale.ROOT);
        if (!Arrays.asList("auto", "application", "access-key").contains(login)) {
            throw new InvalidConfigurationException("Unknown cxoneLogin '" + options.cxoneLogin + "' (parameter"
                    + " cxoneLogin, property cxtoken.cxoneLogin). Use 'auto' (the application login when its"
                    + " credentials are configured, else the access-key login), 'application' or 'access-key'.");
        }
        options.refuseRevocationUrl(id(), "revokes at the revocation_endpoint of the issuer's discovery document");
        // NICE's registration form asks back-end applications for client_secret_post, and offers only secrets.
        ClientAuthentication authentication = ClientAuthentications.parse(options.clientAuth,
                Arrays.asList(ClientAuthentications.POST, ClientAuthentications.RAW_BASIC), id());
        options.refuseUnused(id(), authentication.credentialKind());
        CredentialPlace accessKey = new CredentialPlace("access key", "provider 'cxone'",
                ProviderOptions.orDefault(options.accessKeyServerId, "cxone-access-key"), "accessKeyServerId",
                ProviderOptions.orDefault(options.accessKeyIdEnv, "CXONE_ACCESS_KEY_ID"),
                ProviderOptions.orDefault(options.accessKeySecretEnv, "CXONE_ACCESS_KEY_SECRET"), null, false);
        if (login.equals("access-key")) {
            return accessKeyLogin(accessKey, options);
        }
        CredentialPlace application = new CredentialPlace("application client", "provider 'cxone'",
                ProviderOptions.orDefault(options.serverId, "cxone"), "serverId",
                ProviderOptions.orDefault(options.clientIdEnv, "CXONE_CLIENT_ID"),
                ProviderOptions.orDefault(options.clientSecretEnv, "CXONE_CLIENT_SECRET"), options.clientId, true);
        URI tokenUri = options.tokenUrl == null ? null : Endpoints.tokenUrl(options.tokenUrl);
        CxoneLogin applicationLogin = new CxoneLogin(Arrays.asList(application, accessKey),
                issuer(CxoneAreas.isArea(options.environment) ? null : options.environment), tokenUri,
                authentication, options);
        if (login.equals("application")) {
            return applicationLogin;
        }
        try {
            return new CxoneAutoLogin(applicationLogin, accessKeyLogin(accessKey, options), null);
        } catch (InvalidConfigurationException e) {
            return new CxoneAutoLogin(applicationLogin, null, e);
        }
    }

    private static CxoneAccessKeyLogin accessKeyLogin(CredentialPlace accessKey, ProviderOptions options)
            throws InvalidConfigurationException {
        String area = CxoneAreas.isArea(options.environment) ? CxoneAreas.parse(options.environment) : null;
        CxoneAccessKeyLogin login = new CxoneAccessKeyLogin(accessKey, CxoneAccessKeyLogin.endpoint(options), area,
                options.expectedOrganization);
        if (options.tokenUrl == null) {
            login.derivedFrom("the area " + area + " (NICE's access-key endpoint for it)");
        }
        return login;
    }

    /**
     * The CXone issuer: a host name such as {@code cxone.niceincontact.com}, or a full {@code https://} URL. Blank
     * means NICE's global issuer. A trailing slash is dropped, so {@code <issuer>/.well-known/...} is well formed.
     */
    static URI issuer(String environment) throws InvalidConfigurationException {
        String value = environment == null ? DEFAULT_ISSUER : environment;
        String url = Urls.withoutTrailingSlashes(value.contains("://") ? value : "https://" + value);
        URI issuer = Urls.checked(url, "CXone issuer",
                " (parameter environment, property cxtoken.environment, which names the CXone issuer)",
                "cxone.niceincontact.com or https://cxone.niceincontact.com");
        if (issuer.getRawQuery() != null) {
            throw new InvalidConfigurationException("CXone issuer '" + value + "' must not contain a query (?...)"
                    + " (parameter environment, property cxtoken.environment). Give the issuer only, such as"
                    + " cxone.niceincontact.com; the plugin appends /.well-known/openid-configuration itself.");
        }
        return issuer;
    }
}
