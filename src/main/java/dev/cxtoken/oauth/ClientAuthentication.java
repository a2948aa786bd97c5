package dev.cxtoken.oauth;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.Secret;
import java.util.List;
import java.util.Map;

/**
 * How the client proves its identity to the token endpoint (RFC 6749 §2.3, RFC 7523 §2.2). Each method is one class,
 * registered in {@link ClientAuthentications}.
 */
public interface ClientAuthentication {
    /** The name users configure, such as {@code basic}. */
    String id();

    /** The name servers list in {@code token_endpoint_auth_methods_supported}, such as {@code client_secret_basic}. */
    String standardName();

    /** What the method presents, so that the credential lookup knows what to look for. */
    CredentialKind credentialKind();

    /**
     * Adds what the method sends in the body to {@code form}, made for this one request; called again for a retry.
     *
     * @param secretForms receives every spelling in which the credential travels, for the exchange's redactor
     * @return the Authorization header's value, or null when the method sends none
     * @throws CxTokenException when the credential cannot be presented (an expired CI token, say); nothing is sent
     */
    Secret authenticate(Presentation presentation, Map<String, String> form, List<String> secretForms)
            throws CxTokenException;
}
