package dev.cxtoken.oauth;

import dev.cxtoken.Secret;
import java.util.List;
import java.util.Map;

/**
 * How the client proves its identity to the token endpoint (RFC 6749 §2.3). Each method is one class, registered in
 * {@link ClientAuthentications}.
 */
public interface ClientAuthentication {
    /** The name users configure, such as {@code basic}. */
    String id();

    /** The name servers list in {@code token_endpoint_auth_methods_supported}, such as {@code client_secret_basic}. */
    String standardName();

    /**
     * Adds what the method sends in the body to {@code form}.
     *
     * @return the Authorization header's value, or null when the method sends none
     */
    Secret authenticate(String clientId, Secret secret, Map<String, String> form);

    /** Every spelling in which the secret travels with this method, for the exchange's redactor. */
    List<String> secretForms(String clientId, Secret secret);
}
