package dev.cxtoken.provider;

import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.oauth.CredentialKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the user configured for the provider, checked for form but not yet for meaning. Blank names are null, which
 * means "the provider's default".
 */
public final class ProviderOptions {
    final String environment;
    final String tokenUrl;
    final String serverId;
    final String clientId;
    final String clientIdEnv;
    final String clientSecretEnv;
    final String accessKeyServerId;
    final String accessKeyIdEnv;
    final String accessKeySecretEnv;
    final List<String> scopes;
    final Map<String, String> extraParameters;
    final String clientAuth;
    final String cxoneLogin;
    String revocationUrl;
    String expectedOrganization;
    String issuer;
    String keyId;
    String assertionAudience;
    String signingAlgorithm;
    String clientKeyEnv;
    String clientAssertionEnv;

    /** Holds the values of the parameters of the same names. */
    public ProviderOptions(String environment, String tokenUrl, String serverId, String clientId, String clientIdEnv,
            String clientSecretEnv, String accessKeyServerId, String accessKeyIdEnv, String accessKeySecretEnv,
            List<String> scopes, Map<String, String> extraParameters, String clientAuth, String cxoneLogin) {
        this.environment = blankToNull(environment);
        this.tokenUrl = blankToNull(tokenUrl);
        this.serverId = blankToNull(serverId);
        this.clientId = blankToNull(clientId);
        this.clientIdEnv = blankToNull(clientIdEnv);
        this.clientSecretEnv = blankToNull(clientSecretEnv);
        this.accessKeyServerId = blankToNull(accessKeyServerId);
        this.accessKeyIdEnv = blankToNull(accessKeyIdEnv);
        this.accessKeySecretEnv = blankToNull(accessKeySecretEnv);
        this.scopes = Collections.unmodifiableList(scopes);
        this.extraParameters = Collections.unmodifiableMap(new LinkedHashMap<>(extraParameters));
        // Null: the provider's own default (post for CXone applications, basic elsewhere).
        this.clientAuth = blankToNull(clientAuth);
        this.cxoneLogin = blankToNull(cxoneLogin);
    }

    /**
     * Sets the parameters of the token's lifecycle, for the providers that take them.
     *
     * @param revocationUrl the RFC 7009 endpoint ({@code oauth2} only), or null
     * @param expectedOrganization the org the token must belong to, or null
     */
    public ProviderOptions lifecycle(String revocationUrl, String expectedOrganization) {
        this.revocationUrl = blankToNull(revocationUrl);
        this.expectedOrganization = blankToNull(expectedOrganization);
        return this;
    }

    /**
     * Sets the parameters of discovery and of the methods without a client secret, for the providers that take them.
     * Each may be null.
     */
    public ProviderOptions secretless(String issuer, String keyId, String assertionAudience, String signingAlgorithm,
            String clientKeyEnv, String clientAssertionEnv) {
        this.issuer = blankToNull(issuer);
        this.keyId = blankToNull(keyId);
        this.assertionAudience = blankToNull(assertionAudience);
        this.signingAlgorithm = blankToNull(signingAlgorithm);
        this.clientKeyEnv = blankToNull(clientKeyEnv);
        this.clientAssertionEnv = blankToNull(clientAssertionEnv);
        return this;
    }

    /**
     * Refuses the parameters of a method other than the one configured, instead of ignoring them: a keyId without
     * private_key_jwt is a mistake either way.
     */
    void refuseUnused(String provider, CredentialKind kind)
            throws InvalidConfigurationException {
        if (issuer != null && !provider.equals("oauth2")) {
            throw new InvalidConfigurationException("issuer (property cxtoken.issuer) is for provider"
                    + " 'oauth2'; provider '" + provider + "' knows its endpoints" + (provider.equals("cxone")
                    ? " (its issuer is set by environment, cxtoken.environment)" : " from environment") + ". Remove"
                    + " issuer.");
        }
        String method = kind == CredentialKind.PRIVATE_KEY ? "private_key_jwt"
                : kind == CredentialKind.ASSERTION ? "federated" : "a client secret";
        refuse(keyId, "keyId", kind == CredentialKind.PRIVATE_KEY, method, "private_key_jwt");
        refuse(signingAlgorithm, "signingAlgorithm", kind == CredentialKind.PRIVATE_KEY, method,
                "private_key_jwt");
        refuse(clientKeyEnv, "clientKeyEnv", kind == CredentialKind.PRIVATE_KEY, method,
                "private_key_jwt");
        refuse(assertionAudience, "assertionAudience", kind != CredentialKind.SECRET, method,
                "private_key_jwt and federated");
        refuse(clientAssertionEnv, "clientAssertionEnv", kind == CredentialKind.ASSERTION, method,
                "federated");
    }

    private static void refuse(String value, String name, boolean used, String method, String usedBy)
            throws InvalidConfigurationException {
        if (value != null && !used) {
            throw new InvalidConfigurationException(name + " (property cxtoken." + name + ") is for"
                    + " clientAuth " + usedBy + ", and this execution authenticates with " + method + ". Remove "
                    + name + ", or set clientAuth (cxtoken.clientAuth) to the method it belongs to.");
        }
    }

    /** Refuses a lifecycle parameter that the provider has no use for, instead of ignoring it. */
    void refuseRevocationUrl(String provider, String why) throws InvalidConfigurationException {
        if (revocationUrl != null) {
            throw new InvalidConfigurationException("revocationUrl (property cxtoken.revocationUrl) is"
                    + " for provider 'oauth2'; provider '" + provider + "' " + why + ". Remove revocationUrl.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.trim().isEmpty() ? null : value.trim();
    }

    static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
