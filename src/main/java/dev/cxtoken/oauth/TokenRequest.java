package dev.cxtoken.oauth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One token request, ready to send: endpoint, form fields, and the Authorization header. It also knows every form in
 * which its secret could travel, so that text echoed back by a server can be scrubbed.
 */
public final class TokenRequest {
    private final TokenEndpoint endpoint;
    private final String grantType;
    private final Map<String, String> form;
    private final Secret authorization;
    private final ClientCredentials credentials;
    private final String cacheKey;

    private TokenRequest(TokenEndpoint endpoint, String grantType, Map<String, String> form, Secret authorization,
            ClientCredentials credentials, String cacheKey) {
        this.endpoint = endpoint;
        this.grantType = grantType;
        this.form = form;
        this.authorization = authorization;
        this.credentials = credentials;
        this.cacheKey = cacheKey;
    }

    /** The client-credentials grant (RFC 6749 §4.4) for the given configuration. */
    public static TokenRequest clientCredentials(FetchConfiguration config, ClientCredentials credentials) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (!config.scopes().isEmpty()) {
            form.put("scope", String.join(" ", config.scopes()));
        }
        form.putAll(config.extraParameters());
        Secret authorization = null;
        if (config.clientAuthentication() == ClientAuthentication.POST) {
            form.put("client_id", credentials.clientId());
            form.put("client_secret", credentials.secret().reveal());
        } else {
            authorization = basicAuthorization(credentials, config.provider().formEncodesBasicCredentials());
        }
        String key = String.join("\n", config.endpoint().tokenUri().toString(), "client_credentials",
                config.clientAuthentication().name(), credentials.clientId(), credentials.secret().fingerprint(),
                String.join(" ", config.scopes()), config.extraParameters().toString());
        return new TokenRequest(config.endpoint(), "client_credentials", Collections.unmodifiableMap(form),
                authorization, credentials, key);
    }

    static Secret basicAuthorization(ClientCredentials credentials, boolean formEncode) {
        String id = credentials.clientId();
        String secret = credentials.secret().reveal();
        String pair = formEncode ? formEncode(id) + ":" + formEncode(secret) : id + ":" + secret;
        return Secret.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    static String formEncode(String value) {
        try {
            return URLEncoder.encode(value, StandardCharsets.UTF_8.name());
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is required by every Java platform", e);
        }
    }

    public TokenEndpoint endpoint() {
        return endpoint;
    }

    public URI uri() {
        return endpoint.tokenUri();
    }

    public String grantType() {
        return grantType;
    }

    /** The form fields in sending order. May contain the client secret (client_secret_post). */
    public Map<String, String> form() {
        return form;
    }

    /** The Authorization header value, or null for client_secret_post. */
    public Secret authorization() {
        return authorization;
    }

    public ClientCredentials credentials() {
        return credentials;
    }

    /**
     * Identifies requests that may share a token: endpoint, grant, client authentication, client id, a SHA-256 of the
     * secret, scopes and extra parameters. Holds no secret.
     */
    public String cacheKey() {
        return cacheKey;
    }

    /** Every spelling of the secrets this request carries, for {@link Redactor}. */
    List<String> secretForms() {
        List<String> forms = new ArrayList<>();
        String secret = credentials.secret().reveal();
        forms.add(secret);
        forms.add(formEncode(secret));
        forms.add(formEncode(secret).replace("+", "%20"));
        if (authorization != null) {
            forms.add(authorization.reveal().substring("Basic ".length()));
        }
        return forms;
    }

    @Override
    public String toString() {
        return "TokenRequest{" + endpoint.tokenUri() + ", grant=" + grantType + ", client="
                + credentials.abbreviatedClientId() + "}";
    }
}
