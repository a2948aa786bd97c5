package dev.cxtoken.provider;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.InvalidConfigurationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * assertionAudience is a JWT {@code aud}, which need not be a URL: Microsoft Entra's federated credentials expect
 * {@code api://AzureADTokenExchange}. An http(s) audience is still held to the plugin's rules for URLs.
 */
class GenericOAuth2AudienceTest {
    private static Login configure(String clientAuth, String audience) throws InvalidConfigurationException {
        return new GenericOAuth2().configure(new ProviderOptions(null,
                "https://login.microsoftonline.com/contoso/oauth2/v2.0/token", null, "app-id", null, null, null, null,
                null, List.of("api://app/.default"), Map.of(), clientAuth, null)
                .secretless(null, null, audience, null, null, null));
    }

    @Test
    void anAudienceWithAnotherSchemeThanHttpIsTakenAsItIs() throws Exception {
        for (String audience : List.of("api://AzureADTokenExchange", "urn:example:ci", "https://sso.example.com/realms/ci",
                "sso.example.com/realms/ci")) {
            configure("federated", audience);
            configure("private_key_jwt", audience);
        }
    }

    @Test
    void anHttpAudienceIsStillCheckedAsAUrl() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> configure("federated", "http://sso.example.com/realms/ci"));
        assertTrue(e.getMessage().startsWith("assertionAudience 'http://sso.example.com/realms/ci' uses plain http"),
                e.getMessage());
        assertThrows(InvalidConfigurationException.class, () -> configure("federated", "https://sso.example.com/a b"));
    }
}
