package dev.cxtoken.http;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.oauth.AccessToken;
import dev.cxtoken.testing.TestBuild;
import dev.cxtoken.testing.TestParameters;

/**
 * Fetches one token through the goal exactly as a build wires it (JVM trust store, JVM proxy settings), for tests
 * that run it in a child JVM with their own system properties. Prints the outcome, never the token.
 */
public final class DefaultTransportFetch {
    private DefaultTransportFetch() {}

    public static void main(String[] args) {
        try {
            AccessToken token = TestBuild.withClient("oauth2", TestBuild.SECRET)
                    .token(TestParameters.oauth2(args[0]).with("timeout", "20").with("maxAttempts", "1"));
            System.out.println("FETCHED a token valid until " + token.expiresAt());
            System.exit(0);
        } catch (CxTokenException e) {
            System.out.println("FAILED " + e.getMessage());
            System.exit(1);
        }
    }
}
