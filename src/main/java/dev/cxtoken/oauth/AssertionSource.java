package dev.cxtoken.oauth;

import dev.cxtoken.Credential;
import dev.cxtoken.CxTokenException;
import dev.cxtoken.Secret;
import dev.cxtoken.http.Deadline;

/** Where a federated client assertion comes from: a CI variable, or the CI runner itself. */
public interface AssertionSource extends Credential {
    /** The assertion for one request: the same one again, or a fresh one when the CI can issue it. */
    Secret assertion(OAuthClient client, Deadline deadline) throws CxTokenException;

    /** The assertion last handed out, for the claims a refusal hint shows (never its value), or null. */
    Secret last();

    /** Where it comes from, for messages: "environment variable OAUTH_CLIENT_ASSERTION". */
    String origin();

    /** The audience its {@code aud} must contain (assertionAudience), or null when none is configured. */
    String expectedAudience();

    /** What to change in the CI so that the token's {@code aud} is {@code audience}, without a final full stop. */
    String audienceAdvice(String audience);
}
