package dev.cxtoken.provider;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.Secret;
import dev.cxtoken.http.Deadline;
import dev.cxtoken.http.HttpAnswer;
import dev.cxtoken.http.HttpCall;
import dev.cxtoken.oauth.OAuthClient;
import dev.cxtoken.oauth.TokenRequest;
import java.net.URI;
import java.util.Collections;

/**
 * How a token that a login fetched is revoked, or why it cannot be. Revoking never throws: what happened comes back as
 * an {@link Outcome}, and the caller decides how to word it.
 */
public abstract class Revocation {
    private Revocation() {}

    /** What one revocation did. */
    public static final class Outcome {
        /** What happened. */
        public enum Kind {
            /** The server revoked the token. */
            REVOKED,
            /** The server no longer took the token, so it is as good as revoked. */
            ALREADY_INVALID,
            /** Nothing was sent: the provider offers no revocation here. */
            SKIPPED,
            /** The server did not confirm the revocation. */
            FAILED
        }

        private final Kind kind;
        private final String detail;

        Outcome(Kind kind, String detail) {
            this.kind = kind;
            this.detail = detail;
        }

        public Kind kind() {
            return kind;
        }

        /** Whether the token is invalid now. */
        public boolean done() {
            return kind == Kind.REVOKED || kind == Kind.ALREADY_INVALID;
        }

        /** Why it was skipped or failed, scrubbed; empty otherwise. */
        public String detail() {
            return detail;
        }

        @Override
        public String toString() {
            return "Outcome{" + kind + "}";
        }
    }

    /** A revocation that sends nothing, and says why. */
    public static Revocation unavailable(String why) {
        return new Revocation() {
            @Override
            public String unavailableBecause() {
                return why;
            }

            @Override
            public Outcome revoke(Secret token, OAuthClient client, Deadline deadline) {
                return new Outcome(Outcome.Kind.SKIPPED, why);
            }
        };
    }

    /**
     * RFC 7009 at {@code endpoint}, with the client authentication of the token request (a fresh assertion where it
     * signs one); done on a 2xx. A credential that can be presented only once cannot authenticate it.
     */
    static Revocation rfc7009(URI endpoint, TokenRequest.Client client, String advice) {
        if (client.singleUse() != null) {
            return unavailable("revocation skipped: " + client.singleUse());
        }
        return new Offered() {
            @Override
            public Outcome revoke(Secret token, OAuthClient oauth, Deadline deadline) {
                try {
                    return judge(oauth.revoke(endpoint, client, token, words(advice), deadline), false);
                } catch (CxTokenException e) {
                    return new Outcome(Outcome.Kind.FAILED, e.getMessage());
                }
            }
        };
    }

    /** Genesys Cloud's {@code DELETE /api/v2/tokens/me} with the token itself; done on a 2xx or a 401. */
    static Revocation genesys(String apiBaseUrl) {
        URI uri = URI.create(apiBaseUrl + "/api/v2/tokens/me");
        return new Offered() {
            @Override
            public Outcome revoke(Secret token, OAuthClient client, Deadline deadline) {
                HttpCall call = HttpCall.delete(words("Check that the API base URL " + apiBaseUrl + " serves the"
                        + " Genesys Cloud platform API"), uri, Secret.of("Bearer " + token.reveal()),
                        Collections.singletonList(token.reveal()));
                try {
                    return judge(client.send(call, deadline), true);
                } catch (CxTokenException e) {
                    return new Outcome(Outcome.Kind.FAILED, e.getMessage());
                }
            }
        };
    }

    /** A revocation that sends a request. */
    private abstract static class Offered extends Revocation {
        @Override
        public String unavailableBecause() {
            return null;
        }
    }

    private static HttpCall.Words words(String advice) {
        return new HttpCall.Words("Token revocation", "revocation answer", "revocation answer", advice);
    }

    private static Outcome judge(HttpAnswer answer, boolean unauthorizedMeansInvalid) {
        if (answer.isSuccess()) {
            return new Outcome(Outcome.Kind.REVOKED, "");
        }
        if (unauthorizedMeansInvalid && answer.status() == 401) {
            return new Outcome(Outcome.Kind.ALREADY_INVALID, "");
        }
        return new Outcome(Outcome.Kind.FAILED, answer.uri() + " answered " + answer.describe());
    }

    /** Null when a revocation can be attempted; otherwise why not, for log lines. */
    public abstract String unavailableBecause();

    /** Revokes {@code token}; never throws. */
    public abstract Outcome revoke(Secret token, OAuthClient client, Deadline deadline);
}
