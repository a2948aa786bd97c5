package dev.cxtoken.oauth;

import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.Secret;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The client authentication methods the plugin knows, and the one place that maps a configured name to one. */
public final class ClientAuthentications {
    /**
     * client_secret_basic as RFC 6749 §2.3.1 says: id and secret form-urlencoded, then Base64. Standard servers
     * (Keycloak among them) decode this way, so a secret holding ':' works only so.
     */
    public static final ClientAuthentication FORM_ENCODED_BASIC = new Basic(true);
    /** Basic over the raw id:secret pair, as the Genesys Cloud SDKs send it and Genesys decodes it. */
    public static final ClientAuthentication RAW_BASIC = new Basic(false);
    /** client_secret_post: client_id and client_secret in the form body. */
    public static final ClientAuthentication POST = new Post();

    /** private_key_jwt (RFC 7523 §2.2): a JWT the client signs anew for every request. */
    public static final ClientAuthentication PRIVATE_KEY_JWT = new PrivateKeyJwt();
    /** federated: a JWT someone else issued for the client, such as the CI job's identity token. */
    public static final ClientAuthentication FEDERATED = new FederatedAssertion();

    private static final List<ClientAuthentication> ALL_NAMES =
            Arrays.asList(FORM_ENCODED_BASIC, POST, PRIVATE_KEY_JWT, FEDERATED);

    private ClientAuthentications() {}

    /**
     * The method a configured name means for a provider.
     *
     * @param value the configured name, or null for the provider's default, the first it offers
     * @param offered the methods the provider takes, in its own flavours (its Basic first when Basic is its default)
     * @param provider the provider's id, for messages
     */
    public static ClientAuthentication parse(String value, List<ClientAuthentication> offered, String provider)
            throws InvalidConfigurationException {
        if (value == null) {
            return offered.get(0);
        }
        String key = value.trim().toLowerCase(Locale.ROOT);
        for (ClientAuthentication method : offered) {
            if (key.equals(method.id()) || key.equals(method.standardName()) && !isAlias(method)) {
                return method;
            }
        }
        List<String> names = new ArrayList<>();
        for (ClientAuthentication method : offered) {
            names.add("'" + method.id() + "'");
        }
        for (ClientAuthentication method : ALL_NAMES) {
            if (key.equals(method.id()) || key.equals(method.standardName()) && !isAlias(method)) {
                throw new InvalidConfigurationException("clientAuth '" + value.trim() + "' (property"
                        + " cxtoken.clientAuth) is not offered by provider '" + provider + "': its token endpoint"
                        + " takes only " + String.join(" or ", names) + ". Use " + method.id() + " with provider"
                        + " 'oauth2' and a server that supports it, or pick one of those.");
            }
        }
        throw new InvalidConfigurationException("Unknown clientAuth '" + value.trim() + "' (parameter clientAuth,"
                + " property cxtoken.clientAuth). Provider '" + provider + "' takes " + String.join(", ", names)
                + " (basic: Authorization header; post: credentials in the form body; private_key_jwt: an assertion"
                + " signed with the client's key; federated: the CI job's identity token).");
    }

    /** Federated assertions travel as private_key_jwt does, but that name means the key-based method. */
    private static boolean isAlias(ClientAuthentication method) {
        return method == FEDERATED;
    }

    /** application/x-www-form-urlencoded, as forms and RFC 6749 §2.3.1 encode. */
    public static String formEncode(String value) {
        try {
            return URLEncoder.encode(value, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is required by every Java platform", e);
        }
    }

    /** The secret as it appears in a form body, in both spellings of a space. */
    static List<String> formSpellings(Secret secret) {
        String encoded = formEncode(secret.reveal());
        return Arrays.asList(secret.reveal(), encoded, encoded.replace("+", "%20"));
    }

    private static final class Basic implements ClientAuthentication {
        private final boolean formEncode;

        Basic(boolean formEncode) {
            this.formEncode = formEncode;
        }

        @Override
        public String id() {
            return "basic";
        }

        @Override
        public String standardName() {
            return "client_secret_basic";
        }

        @Override
        public CredentialKind credentialKind() {
            return CredentialKind.SECRET;
        }

        @Override
        public Secret authenticate(Presentation presentation, Map<String, String> form, List<String> secretForms) {
            Secret secret = (Secret) presentation.credential;
            secretForms.addAll(formSpellings(secret));
            secretForms.add(encodedPair(presentation.clientId, secret));
            return Secret.of("Basic " + encodedPair(presentation.clientId, secret));
        }

        private String encodedPair(String clientId, Secret secret) {
            String pair = formEncode ? formEncode(clientId) + ":" + formEncode(secret.reveal())
                    : clientId + ":" + secret.reveal();
            return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return formEncode ? "client_secret_basic (form-encoded)" : "client_secret_basic (raw)";
        }
    }

    private static final class Post implements ClientAuthentication {
        @Override
        public String id() {
            return "post";
        }

        @Override
        public String standardName() {
            return "client_secret_post";
        }

        @Override
        public CredentialKind credentialKind() {
            return CredentialKind.SECRET;
        }

        @Override
        public Secret authenticate(Presentation presentation, Map<String, String> form, List<String> secretForms) {
            Secret secret = (Secret) presentation.credential;
            form.put("client_id", presentation.clientId);
            form.put("client_secret", secret.reveal());
            secretForms.addAll(formSpellings(secret));
            return null;
        }

        @Override
        public String toString() {
            return "client_secret_post";
        }
    }
}
