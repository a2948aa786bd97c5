package dev.cxtoken.oauth;

import dev.cxtoken.Credential;
import dev.cxtoken.http.Deadline;
import java.time.Clock;

/** What a client authentication method needs to authenticate one request. */
public final class Presentation {
    final String clientId;
    final Credential credential;
    final String audience;
    final Clock clock;
    final OAuthClient client;
    final Deadline deadline;

    /**
     * @param clientId the client id, or null when the method does not need one (federated)
     * @param audience whom a signed assertion is for: the token endpoint, or assertionAudience
     * @param client for methods that fetch their credential over the network (a GitHub Actions job token)
     */
    Presentation(String clientId, Credential credential, String audience, Clock clock, OAuthClient client,
            Deadline deadline) {
        this.clientId = clientId;
        this.credential = credential;
        this.audience = audience;
        this.clock = clock;
        this.client = client;
        this.deadline = deadline;
    }

    @Override
    public String toString() {
        return "Presentation{audience=" + audience + "}";
    }
}
