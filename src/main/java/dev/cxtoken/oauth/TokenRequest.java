package dev.cxtoken.oauth;

import dev.cxtoken.Credential;
import dev.cxtoken.CxTokenException;
import dev.cxtoken.Secret;
import dev.cxtoken.http.Deadline;
import dev.cxtoken.http.HttpCall;
import java.net.URI;
import java.time.Clock;
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
    private final Client client;

    private TokenRequest(URI uri, String grantType, Map<String, String> grantFields, List<Secret> grantSecrets,
            Client client, List<String> scopes, Map<String, String> extraParameters) {
        this.uri = uri;
        this.grantType = grantType;
        this.grantFields = grantFields;
        this.grantSecrets = grantSecrets;
        this.scopes = Collections.unmodifiableList(new ArrayList<>(scopes));
        this.extraParameters = Collections.unmodifiableMap(new LinkedHashMap<>(extraParameters));
        this.client = client;
    }

    /** The client, its credential, how it authenticates, and whom a signed assertion is for. */
    public static final class Client {
        final String id;
        final Credential credential;
        final ClientAuthentication authentication;
        final String audience;

        /**
         * @param id the client id; null only for a federated client that configures none
         * @param audience the {@code aud} of a signed assertion: assertionAudience, or else the token endpoint
         */
        public Client(String id, Credential credential, ClientAuthentication authentication, String audience) {
            this.id = id;
            this.credential = credential;
            this.authentication = authentication;
            this.audience = audience;
        }

        /** Adds this request's client authentication to {@code form}; returns the Authorization header, or null. */
        Secret authenticate(OAuthClient oauth, Clock clock, Deadline deadline, Map<String, String> form,
                List<String> secretForms) throws CxTokenException {
            return authentication.authenticate(new Presentation(id, credential, audience, clock, oauth, deadline),
                    form, secretForms);
        }

        /** Null when the credential may authenticate another request (a revocation); otherwise why not. */
        public String singleUse() {
            return credential.singleUse();
        }

        @Override
        public String toString() {
            return "Client{" + authentication + "}";
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

    /** The call, whose client authentication is made anew for every attempt. */
    HttpCall toCall(HttpCall.Words words, OAuthClient oauth, Clock clock, Deadline deadline) {
        return HttpCall.postForm(words, uri, () -> {
            Map<String, String> form = form();
            List<String> secrets = new ArrayList<>();
            for (Secret secret : grantSecrets) {
                secrets.addAll(ClientAuthentications.formSpellings(secret));
            }
            Secret authorization = client.authenticate(oauth, clock, deadline, form, secrets);
            return new HttpCall.Form(form, authorization, secrets);
        });
    }

    @Override
    public String toString() {
        return "TokenRequest{" + uri + ", grant=" + grantType + ", auth=" + client.authentication + "}";
    }
}
