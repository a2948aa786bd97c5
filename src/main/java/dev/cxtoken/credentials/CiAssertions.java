package dev.cxtoken.credentials;

import com.google.gson.JsonObject;
import dev.cxtoken.CxTokenException;
import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.Secret;
import dev.cxtoken.TokenRequestRejectedException;
import dev.cxtoken.Urls;
import dev.cxtoken.http.Deadline;
import dev.cxtoken.http.HttpCall;
import dev.cxtoken.oauth.AssertionSource;
import dev.cxtoken.oauth.ClientAuthentications;
import dev.cxtoken.oauth.Jwt;
import dev.cxtoken.oauth.OAuthClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The two places a federated client assertion comes from: a CI variable, or the GitHub Actions runner. */
final class CiAssertions {
    private CiAssertions() {}

    /** What both sources hold: where the token comes from and the audience it must be for. */
    private abstract static class Source implements AssertionSource {
        private final String origin;
        private final String expectedAudience;

        Source(String origin, String expectedAudience) {
            this.origin = origin;
            this.expectedAudience = expectedAudience;
        }

        @Override
        public String origin() {
            return origin;
        }

        @Override
        public String expectedAudience() {
            return expectedAudience;
        }

        @Override
        public String toString() {
            return "AssertionSource{" + origin + ", token=[redacted]}";
        }
    }

    /** A token the CI put in a variable or file: the same one for every request, so usable once at most servers. */
    static AssertionSource fixed(Secret token, String origin, String variable, String expectedAudience) {
        return new Source(origin, expectedAudience) {
            @Override
            public Secret assertion(OAuthClient client, Deadline deadline) {
                return token;
            }

            @Override
            public Secret last() {
                return token;
            }

            @Override
            public String audienceAdvice(String audience) {
                return "Have the CI issue it for " + audience + ": in GitLab CI, id_tokens: { " + variable + ": { aud: "
                        + audience + " } }; in Jenkins, the audience of the id token credential";
            }

            /** Who the token speaks for, so that two subjects never share a cached token. */
            @Override
            public String fingerprint() {
                Optional<JsonObject> claims = Jwt.claims(token.reveal());
                String subject = claims.map(c -> c.get("iss") + "\n" + c.get("sub"))
                        .orElse(token.reveal());
                return "assertion:" + Secret.sha256(subject.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public String singleUse() {
                return "the CI token from " + origin + " cannot be presented twice (servers such as Keycloak refuse"
                        + " a token they have seen)";
            }

        };
    }

    /**
     * A fresh job token for every request from the GitHub Actions runner (the workflow needs
     * {@code permissions: id-token: write}), which lives only minutes.
     *
     * @param audience the audience requested: assertionAudience, or else the issuer
     */
    static AssertionSource gitHub(String requestUrl, Secret requestToken, String audience, String expectedAudience)
            throws InvalidConfigurationException {
        URI base = Urls.checked(requestUrl, "ACTIONS_ID_TOKEN_REQUEST_URL", " (environment variable"
                + " ACTIONS_ID_TOKEN_REQUEST_URL, set by the GitHub Actions runner)",
                "https://pipelines.actions.githubusercontent.com/…");
        URI uri = URI.create(base + (base.getRawQuery() == null ? "?" : "&") + "audience="
                + ClientAuthentications.formEncode(audience));
        String origin = "the GitHub Actions runner (ACTIONS_ID_TOKEN_REQUEST_URL, audience " + audience + ")";
        return new Source(origin, expectedAudience) {
            private volatile Secret last;

            @Override
            public Secret last() {
                return last;
            }

            @Override
            public Secret assertion(OAuthClient client, Deadline deadline) throws CxTokenException {
                JsonObject answer = client.getJson(uri, new HttpCall.Words("GitHub Actions OIDC token request",
                        "job token", "job token", "Check that the workflow grants permissions: id-token: write"),
                        Secret.of("Bearer " + requestToken.reveal()), Arrays.asList(requestToken.reveal()), deadline);
                String value = answer.has("value") && answer.get("value").isJsonPrimitive()
                        ? answer.get("value").getAsString() : null;
                if (value == null || value.trim().isEmpty()) {
                    throw new TokenRequestRejectedException("The GitHub Actions runner answered the OIDC token"
                            + " request to " + Urls.hostForDisplay(uri) + " without a value; its fields are "
                            + answer.keySet() + ". Check that the workflow grants permissions: id-token: write.");
                }
                last = Secret.of(value.trim());
                return last;
            }

            @Override
            public String audienceAdvice(String wanted) {
                return "The plugin asked the runner for the audience " + audience + "; check assertionAudience";
            }

            @Override
            public String fingerprint() {
                return "github:" + Secret.sha256((requestUrl + "\n" + audience).getBytes(StandardCharsets.UTF_8));
            }

        };
    }
}
