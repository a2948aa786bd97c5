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

    private ClientAuthentications() {}

    /**
     * @param value the configured name, or null for {@code basic}
     * @param basic the provider's flavour of Basic, which {@code basic} means for it
     */
    public static ClientAuthentication parse(String value, ClientAuthentication basic)
            throws InvalidConfigurationException {
        String key = value == null ? "basic" : value.trim().toLowerCase(Locale.ROOT);
        if (key.equals("basic") || key.equals("client_secret_basic")) {
            return basic;
        }
        if (key.equals("post") || key.equals("client_secret_post")) {
            return POST;
        }
        throw new InvalidConfigurationException("Unknown clientAuth '" + (value == null ? "" : value.trim())
                + "' (parameter clientAuth, property cxtoken.clientAuth). Use 'basic' (Authorization header) or"
                + " 'post' (credentials in the form body).");
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
        public Secret authenticate(String clientId, Secret secret, Map<String, String> form) {
            return Secret.of("Basic " + encodedPair(clientId, secret));
        }

        private String encodedPair(String clientId, Secret secret) {
            String pair = formEncode ? formEncode(clientId) + ":" + formEncode(secret.reveal())
                    : clientId + ":" + secret.reveal();
            return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public List<String> secretForms(String clientId, Secret secret) {
            List<String> forms = new ArrayList<>(formSpellings(secret));
            forms.add(encodedPair(clientId, secret));
            return forms;
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
        public Secret authenticate(String clientId, Secret secret, Map<String, String> form) {
            form.put("client_id", clientId);
            form.put("client_secret", secret.reveal());
            return null;
        }

        @Override
        public List<String> secretForms(String clientId, Secret secret) {
            return formSpellings(secret);
        }

        @Override
        public String toString() {
            return "client_secret_post";
        }
    }
}
