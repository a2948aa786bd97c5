package dev.cxtoken.oauth;

import java.time.Clock;

/**
 * Fetches one token with the client exactly as the goal builds it (JVM trust store, JVM proxy settings), for tests
 * that run it in a child JVM with their own system properties. Prints the outcome, never the token.
 */
public final class DefaultTransportFetch {
    private DefaultTransportFetch() {}

    public static void main(String[] args) {
        try {
            FetchConfiguration config = Fixtures.oauth2(args[0]).timeout("20").maxAttempts("1").build();
            TokenEndpointClient client = new TokenEndpointClient(config.httpSettings(), Clock.systemUTC(),
                    TokenEndpointClient.Sleeper.REAL, () -> 0.5, TokenLog.SILENT, "cx-token-test",
                    ProxyRoute.jvmDefault());
            AccessToken token = client.fetch(Fixtures.request(config));
            System.out.println("FETCHED a token valid until " + token.expiresAt());
            System.exit(0);
        } catch (CxTokenException e) {
            System.out.println("FAILED " + e.getMessage());
            System.exit(1);
        }
    }
}
