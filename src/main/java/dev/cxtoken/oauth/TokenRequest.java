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
 * which its secrets could travel, so that text echoed back by a server can be scrubbed.
 */
public final class TokenRequest {
    private static final String CLIENT_CREDENTIALS = "client_credentials";
    private static final String PASSWORD = "password";

    private final FetchConfiguration config;
    private final TokenEndpoint endpoint;
    private final String grantType;
    private final Map<String, String> form;
    private final Secret authorization;
    private final ClientCredentials credentials;
    private final ClientCredentials accessKey;
    private final String cacheKey;

    private TokenRequest(FetchConfiguration config, TokenEndpoint endpoint, String grantType, Map<String, String> form,
            Secret authorization, ClientCredentials credentials, ClientCredentials accessKey) {
        this.config = config;
        this.endpoint = endpoint;
        this.grantType = grantType;
        this.form = form;
        this.authorization = authorization;
        this.credentials = credentials;
        this.accessKey = accessKey;
        this.cacheKey = cacheKey(config, credentials, accessKey);
    }

    /** The client-credentials grant (RFC 6749 §4.4) for the given configuration. */
    public static TokenRequest clientCredentials(FetchConfiguration config, ClientCredentials credentials) {
        return build(config, config.endpoint(), credentials, null);
    }

    /**
     * The password grant (RFC 6749 §4.3) with a NICE CXone access key: the key's id is the username, its secret the
     * password, and the registered application authenticates as the client.
     *
     * @param endpoint the configured endpoint, or the one found by discovery
     */
    public static TokenRequest cxoneAccessKey(FetchConfiguration config, TokenEndpoint endpoint,
            ClientCredentials application, ClientCredentials accessKey) {
        return build(config, endpoint, application, accessKey);
    }

    private static TokenRequest build(FetchConfiguration config, TokenEndpoint endpoint,
            ClientCredentials credentials, ClientCredentials accessKey) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", grantType(accessKey));
        if (accessKey != null) {
            form.put("username", accessKey.clientId());
            form.put("password", accessKey.secret().reveal());
        }
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
        return new TokenRequest(config, endpoint, grantType(accessKey), Collections.unmodifiableMap(form),
                authorization, credentials, accessKey);
    }

    private static String grantType(ClientCredentials accessKey) {
        return accessKey == null ? CLIENT_CREDENTIALS : PASSWORD;
    }

    /**
     * Identifies requests that may share a token: endpoint (or, before discovery, issuer), grant, client
     * authentication, client id, a SHA-256 of the secret, the access key id and a SHA-256 of its secret, scopes and
     * extra parameters. Holds no secret. It can be computed before discovery, so a cached token needs no request.
     *
     * @param accessKey the CXone access key, or null for the client-credentials grant
     */
    static String cacheKey(FetchConfiguration config, ClientCredentials credentials, ClientCredentials accessKey) {
        return String.join("\n", config.endpoint().identity(), grantType(accessKey),
                config.clientAuthentication().name(), credentials.clientId(), credentials.secret().fingerprint(),
                accessKey == null ? "" : accessKey.clientId(),
                accessKey == null ? "" : accessKey.secret().fingerprint(),
                String.join(" ", config.scopes()), config.extraParameters().toString());
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

    FetchConfiguration config() {
        return config;
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

    /**
     * The form fields in sending order. May contain the client secret (client_secret_post) or the access key secret.
     */
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

    /** The CXone access key sent as username and password, or null. */
    public ClientCredentials accessKey() {
        return accessKey;
    }

    /** See {@link #cacheKey(FetchConfiguration, ClientCredentials, ClientCredentials)}. */
    public String cacheKey() {
        return cacheKey;
    }

    /** Every spelling of the secrets this request carries, for {@link Redactor}. */
    List<String> secretForms() {
        List<String> forms = new ArrayList<>();
        addSpellings(forms, credentials.secret().reveal());
        if (accessKey != null) {
            addSpellings(forms, accessKey.secret().reveal());
        }
        if (authorization != null) {
            forms.add(authorization.reveal().substring("Basic ".length()));
        }
        return forms;
    }

    private static void addSpellings(List<String> forms, String secret) {
        forms.add(secret);
        forms.add(formEncode(secret));
        forms.add(formEncode(secret).replace("+", "%20"));
    }

    @Override
    public String toString() {
        return "TokenRequest{" + endpoint.tokenUri() + ", grant=" + grantType + ", client="
                + credentials.abbreviatedClientId() + (accessKey == null ? "" : ", accessKey="
                + accessKey.abbreviatedClientId()) + "}";
    }
}
