package dev.cxtoken.oauth;

import dev.cxtoken.Secret;
import dev.cxtoken.http.HttpCall;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One token request (RFC 6749 §4.3, §4.4): endpoint, grant, scopes, extra parameters and client authentication. It
 * knows every form in which its secrets travel, so that text echoed back by a server can be scrubbed.
 */
public final class TokenRequest {
    private final URI uri;
    private final String grantType;
    private final Map<String, String> grantFields;
    private final List<Secret> grantSecrets;
    private final List<String> scopes;
    private final Map<String, String> extraParameters;
    private final ClientAuthentication authentication;
    private final String clientId;
    private final Secret clientSecret;

    private TokenRequest(URI uri, String grantType, Map<String, String> grantFields, List<Secret> grantSecrets,
            Client client, List<String> scopes, Map<String, String> extraParameters) {
        this.uri = uri;
        this.grantType = grantType;
        this.grantFields = grantFields;
        this.grantSecrets = grantSecrets;
        this.scopes = Collections.unmodifiableList(new ArrayList<>(scopes));
        this.extraParameters = Collections.unmodifiableMap(new LinkedHashMap<>(extraParameters));
        this.authentication = client.authentication;
        this.clientId = client.id;
        this.clientSecret = client.secret;
    }

    /** The client and how it authenticates. */
    public static final class Client {
        final String id;
        final Secret secret;
        final ClientAuthentication authentication;

        public Client(String id, Secret secret, ClientAuthentication authentication) {
            this.id = id;
            this.secret = secret;
            this.authentication = authentication;
        }
    }

    /** The client-credentials grant (RFC 6749 §4.4). */
    public static TokenRequest clientCredentials(URI uri, Client client, List<String> scopes,
            Map<String, String> extraParameters) {
        return new TokenRequest(uri, "client_credentials", Collections.<String, String>emptyMap(),
                Collections.<Secret>emptyList(), client, scopes, extraParameters);
    }

    /** The resource owner password grant (RFC 6749 §4.3). */
    public static TokenRequest password(URI uri, Client client, String username, Secret password,
            List<String> scopes, Map<String, String> extraParameters) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("password", password.reveal());
        return new TokenRequest(uri, "password", fields, Collections.singletonList(password), client, scopes,
                extraParameters);
    }

    public URI uri() {
        return uri;
    }

    public String grantType() {
        return grantType;
    }

    /** The form fields in sending order; may hold secrets. */
    Map<String, String> form() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", grantType);
        form.putAll(grantFields);
        if (!scopes.isEmpty()) {
            form.put("scope", String.join(" ", scopes));
        }
        form.putAll(extraParameters);
        return form;
    }

    /** Every spelling of the secrets this request carries. */
    List<String> secretForms() {
        List<String> forms = new ArrayList<>(authentication.secretForms(clientId, clientSecret));
        for (Secret secret : grantSecrets) {
            forms.addAll(ClientAuthentications.formSpellings(secret));
        }
        return forms;
    }

    HttpCall toCall(HttpCall.Words words) {
        Map<String, String> form = form();
        Secret authorization = authentication.authenticate(clientId, clientSecret, form);
        return HttpCall.postForm(words, uri, form, authorization, secretForms());
    }

    @Override
    public String toString() {
        return "TokenRequest{" + uri + ", grant=" + grantType + ", auth=" + authentication + "}";
    }
}
