package dev.cxtoken.provider;

import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.Urls;
import dev.cxtoken.credentials.CredentialPlace;
import dev.cxtoken.oauth.ClientAuthentications;
import java.net.URI;
import java.util.Arrays;

/**
 * NICE CXone back ends: the token endpoint comes from the issuer's OpenID discovery document; the registered
 * application authenticates with Basic over the raw id:secret pair, as public CXone integrations send it, and an
 * access key is sent as the password grant's username and password.
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
        CredentialPlace application = new CredentialPlace("application client", "provider 'cxone'",
                ProviderOptions.orDefault(options.serverId, "cxone"), "serverId",
                ProviderOptions.orDefault(options.clientIdEnv, "CXONE_CLIENT_ID"),
                ProviderOptions.orDefault(options.clientSecretEnv, "CXONE_CLIENT_SECRET"), options.clientId, true);
        CredentialPlace accessKey = new CredentialPlace("access key", "provider 'cxone'",
                ProviderOptions.orDefault(options.accessKeyServerId, "cxone-access-key"), "accessKeyServerId",
                ProviderOptions.orDefault(options.accessKeyIdEnv, "CXONE_ACCESS_KEY_ID"),
                ProviderOptions.orDefault(options.accessKeySecretEnv, "CXONE_ACCESS_KEY_SECRET"), null, false);
        URI tokenUri = options.tokenUrl == null ? null : Endpoints.tokenUrl(options.tokenUrl);
        return new CxoneLogin(Arrays.asList(application, accessKey), issuer(options.environment), tokenUri,
                ClientAuthentications.parse(options.clientAuth, ClientAuthentications.RAW_BASIC), options);
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
