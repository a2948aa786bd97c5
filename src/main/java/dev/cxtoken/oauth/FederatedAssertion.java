package dev.cxtoken.oauth;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.cxtoken.CxTokenException;
import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.Secret;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * federated: the client assertion is a JWT someone else issued, such as the CI job's identity token, sent as RFC 7523
 * §2.2 says. The plugin signs nothing; it checks, before sending, that the token is a JWT, has not expired and names
 * the configured audience, because a server's refusal of a CI token says little about why.
 */
final class FederatedAssertion implements ClientAuthentication {
    /** How far past its exp a token is still sent: the clocks of the CI and the server may differ. */
    static final long SKEW_SECONDS = 30;

    @Override
    public String id() {
        return "federated";
    }

    /** It travels as private_key_jwt does, and servers list it under that name. */
    @Override
    public String standardName() {
        return "private_key_jwt";
    }

    @Override
    public CredentialKind credentialKind() {
        return CredentialKind.ASSERTION;
    }

    @Override
    public Secret authenticate(Presentation presentation, Map<String, String> form, List<String> secretForms)
            throws CxTokenException {
        AssertionSource source = (AssertionSource) presentation.credential;
        Secret assertion = source.assertion(presentation.client, presentation.deadline);
        secretForms.add(assertion.reveal());
        check(assertion, source, presentation.clock.instant());
        if (presentation.clientId != null) {
            form.put("client_id", presentation.clientId);
        }
        form.put("client_assertion_type", PrivateKeyJwt.ASSERTION_TYPE);
        form.put("client_assertion", assertion.reveal());
        return null;
    }

    /** Refuses an assertion that no server would take, naming what to change in the CI. */
    static void check(Secret assertion, AssertionSource source, Instant now) throws InvalidConfigurationException {
        String value = assertion.reveal().trim();
        Optional<JsonObject> claims = Jwt.claims(value);
        if (!claims.isPresent()) {
            throw new InvalidConfigurationException("The client assertion from " + source.origin() + " is not a JWT"
                    + " (three base64url parts separated by dots, the middle one a JSON object); it has "
                    + value.split("\\.", -1).length + " part(s). It must hold the CI job's identity token itself,"
                    + " such as the variable GitLab's id_tokens defines, not a file path or another credential.");
        }
        JsonElement exp = claims.get().get("exp");
        if (exp == null || !exp.isJsonPrimitive() || !exp.getAsJsonPrimitive().isNumber()) {
            throw new InvalidConfigurationException("The client assertion from " + source.origin() + " has no"
                    + " numeric exp claim, so its expiry is unknown and servers refuse it. Use the CI job's identity"
                    + " token (GitLab id_tokens, GitHub Actions OIDC, Jenkins' id token credential).");
        }
        Instant expiry = Instant.ofEpochSecond(exp.getAsLong());
        if (now.isAfter(expiry.plusSeconds(SKEW_SECONDS))) {
            throw new InvalidConfigurationException("The client assertion from " + source.origin() + " expired at "
                    + DateTimeFormatter.ISO_INSTANT.format(expiry.truncatedTo(ChronoUnit.SECONDS)) + ", "
                    + (now.getEpochSecond() - expiry.getEpochSecond()) + " s ago. CI identity tokens live only"
                    + " minutes: let the CI issue one for this job (GitLab id_tokens, Jenkins' id token credential)"
                    + " and start the build soon after. On GitHub Actions, leave it unset: the plugin then asks the"
                    + " runner for a fresh one for every request.");
        }
        String expected = source.expectedAudience();
        if (expected != null) {
            List<String> audiences = audiences(claims.get().get("aud"));
            if (!audiences.contains(expected)) {
                throw new InvalidConfigurationException("The client assertion from " + source.origin() + " is for"
                        + " the audience " + audiences + ", not " + expected + " (assertionAudience, property"
                        + " cxtoken.assertionAudience), so the server would refuse it. "
                        + source.audienceAdvice(expected) + ".");
            }
        }
    }

    private static List<String> audiences(JsonElement aud) {
        List<String> found = new ArrayList<>();
        if (aud != null && aud.isJsonPrimitive()) {
            found.add(aud.getAsString());
        } else if (aud != null && aud.isJsonArray()) {
            JsonArray list = aud.getAsJsonArray();
            for (JsonElement element : list) {
                if (element.isJsonPrimitive()) {
                    found.add(element.getAsString());
                }
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return "federated (client assertion)";
    }
}
