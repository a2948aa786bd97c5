package dev.cxtoken.oauth;

import com.google.gson.JsonObject;
import dev.cxtoken.Secret;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * private_key_jwt (RFC 7523 §2.2, OpenID Connect Core §9): for every request, a new JWT signed with the client's key,
 * with its own {@code jti} and a 60-second life, because servers refuse an assertion they have seen before.
 */
final class PrivateKeyJwt implements ClientAuthentication {
    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final long LIFETIME_SECONDS = 60;

    private final SecureRandom random = new SecureRandom();

    @Override
    public String id() {
        return "private_key_jwt";
    }

    @Override
    public String standardName() {
        return "private_key_jwt";
    }

    @Override
    public CredentialKind credentialKind() {
        return CredentialKind.PRIVATE_KEY;
    }

    @Override
    public Secret authenticate(Presentation presentation, Map<String, String> form, List<String> secretForms) {
        SigningKey key = (SigningKey) presentation.credential;
        String assertion = sign(key, presentation.clientId, presentation.audience,
                presentation.clock.instant().getEpochSecond());
        secretForms.add(assertion);
        form.put("client_id", presentation.clientId);
        form.put("client_assertion_type", ASSERTION_TYPE);
        form.put("client_assertion", assertion);
        return null;
    }

    String sign(SigningKey key, String clientId, String audience, long now) {
        JsonObject header = new JsonObject();
        header.addProperty("alg", key.algorithm());
        header.addProperty("typ", "JWT");
        if (key.keyId() != null) {
            header.addProperty("kid", key.keyId());
        }
        if (key.thumbprint() != null) {
            header.addProperty("x5t#S256", key.thumbprint());
        }
        byte[] jti = new byte[16];
        random.nextBytes(jti);
        JsonObject claims = new JsonObject();
        claims.addProperty("iss", clientId);
        claims.addProperty("sub", clientId);
        claims.addProperty("aud", audience);
        claims.addProperty("jti", base64Url(jti));
        claims.addProperty("iat", now);
        claims.addProperty("exp", now + LIFETIME_SECONDS);
        String input = base64Url(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.toString().getBytes(StandardCharsets.UTF_8));
        return input + "." + base64Url(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "private_key_jwt";
    }
}
