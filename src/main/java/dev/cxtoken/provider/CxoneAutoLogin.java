package dev.cxtoken.provider;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.credentials.ClientCredentials;
import dev.cxtoken.credentials.CredentialPlace;
import dev.cxtoken.credentials.CredentialResolver;
import dev.cxtoken.http.Deadline;
import dev.cxtoken.oauth.OAuthClient;
import java.util.List;

/**
 * {@code cxoneLogin=auto}: the application login when any of the application's credentials are there (its server,
 * either variable, or clientId), the access-key login when only an access key is. Until the choice, it answers as the application
 * login; the access-key login's configuration problem, if any, matters only once it is chosen.
 */
final class CxoneAutoLogin implements Login {
    private final CxoneLogin application;
    private final CxoneAccessKeyLogin accessKey;
    private final InvalidConfigurationException accessKeyProblem;

    /** @param accessKey the access-key login, or null with the reason it cannot be configured */
    CxoneAutoLogin(CxoneLogin application, CxoneAccessKeyLogin accessKey, InvalidConfigurationException problem) {
        this.application = application;
        this.accessKey = accessKey;
        this.accessKeyProblem = problem;
    }

    /**
     * With nothing configured at all, the application login is kept: its message names every place of both pairs.
     */
    @Override
    public Login choose(CredentialResolver credentials) throws CxTokenException {
        CredentialPlace key = application.places().get(1);
        if (credentials.isPresent(application.places().get(0)) || !credentials.isPresent(key)) {
            return application;
        }
        if (accessKey == null) {
            throw new InvalidConfigurationException("No application credentials are configured, so the CXone"
                    + " access-key login is used (cxoneLogin auto), but it cannot be: " + accessKeyProblem.getMessage()
                    + " To use a registered application instead, configure it in "
                    + application.places().get(0).describe() + ".");
        }
        return accessKey;
    }

    @Override
    public List<CredentialPlace> places() {
        return application.places();
    }

    @Override
    public String endpointIdentity() {
        return application.endpointIdentity();
    }

    @Override
    public String hostForDisplay() {
        return application.hostForDisplay();
    }

    @Override
    public String grantType() {
        return application.grantType();
    }

    @Override
    public String clientAuthentication() {
        return application.clientAuthentication();
    }

    @Override
    public Fetched fetch(List<ClientCredentials> credentials, OAuthClient client, DocumentMemo memo,
            Deadline deadline) throws CxTokenException {
        throw new IllegalStateException("choose() picks the CXone login before anything is fetched");
    }
}
