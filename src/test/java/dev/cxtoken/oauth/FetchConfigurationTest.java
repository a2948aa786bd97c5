package dev.cxtoken.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Defaults and accepted spellings. Malformed values are in the bad-input matrix (BadInputMatrixTest). */
class FetchConfigurationTest {
    private static final String URL = "https://auth.example.com/oauth2/token";

    @Test
    void defaultsMatchTheDocumentedContract() throws Exception {
        FetchConfiguration config = FetchConfiguration.builder().build();
        assertEquals(Provider.GENESYS, config.provider());
        assertEquals("https://login.mypurecloud.com/oauth/token", config.endpoint().tokenUri().toString());
        assertEquals("genesys", config.serverId());
        assertEquals("GENESYS_CLIENT_ID", config.clientIdEnv());
        assertEquals("GENESYS_CLIENT_SECRET", config.clientSecretEnv());
        assertEquals(Collections.emptyList(), config.scopes());
        assertEquals(ClientAuthentication.BASIC, config.clientAuthentication());
        assertEquals("cx.token", config.tokenProperty());
        assertEquals(300, config.minValidity().getSeconds());
        assertEquals(60, config.httpSettings().timeout().getSeconds());
        assertEquals(4, config.httpSettings().maxAttempts());
        assertEquals(10, config.httpSettings().connectTimeout().getSeconds());
        assertEquals(20, config.httpSettings().responseTimeout().getSeconds());
        FetchConfiguration oauth2 = Fixtures.oauth2(URL).build();
        assertEquals("oauth2", oauth2.serverId());
        assertEquals("OAUTH_CLIENT_ID", oauth2.clientIdEnv());
        assertEquals("OAUTH_CLIENT_SECRET", oauth2.clientSecretEnv());
    }

    @Test
    void cxoneDefaultsAndIssuerSpellings() throws Exception {
        FetchConfiguration config = FetchConfiguration.builder().provider("cxone").build();
        assertEquals(Provider.CXONE, config.provider());
        assertEquals("https://cxone.niceincontact.com", config.endpoint().issuer().toString());
        assertTrue(config.endpoint().needsDiscovery());
        assertEquals("cxone.niceincontact.com", config.endpoint().hostForDisplay());
        assertEquals("cxone", config.serverId());
        assertEquals("CXONE_CLIENT_ID", config.clientIdEnv());
        assertEquals("CXONE_CLIENT_SECRET", config.clientSecretEnv());
        assertEquals("cxone-access-key", config.accessKeyServerId());
        assertEquals("CXONE_ACCESS_KEY_ID", config.accessKeyIdEnv());
        assertEquals("CXONE_ACCESS_KEY_SECRET", config.accessKeySecretEnv());
        String[][] spellings = {
            {"cxone-gov.niceincontact.com", "https://cxone-gov.niceincontact.com"},
            {" https://nicecxone-sov1.eu/ ", "https://nicecxone-sov1.eu"},
            {"https://issuer.example.com/tenant-path/", "https://issuer.example.com/tenant-path"},
            {"http://127.0.0.1:8080", "http://127.0.0.1:8080"},
        };
        for (String[] spelling : spellings) {
            assertEquals(spelling[1], FetchConfiguration.builder().provider("cxone").environment(spelling[0]).build()
                    .endpoint().issuer().toString(), spelling[0]);
        }
        FetchConfiguration explicit = FetchConfiguration.builder().provider("CXone")
                .tokenUrl("https://cxone.niceincontact.com/auth/token").build();
        assertEquals("https://cxone.niceincontact.com/auth/token", explicit.endpoint().tokenUri().toString());
        assertTrue(!explicit.endpoint().needsDiscovery());
    }

    @Test
    void loopbackHttpIsAllowed() throws Exception {
        for (String url : new String[] {"http://localhost:8080/t", "http://127.0.0.1/t", "http://127.10.20.30:1/t",
                "http://[::1]:9/t"}) {
            assertEquals(url, Fixtures.oauth2(url).build().endpoint().tokenUri().toString());
        }
    }

    @Test
    void scopesAreSplitOnSpacesAndCommas() throws Exception {
        assertEquals(Arrays.asList("a", "b:c", "d"), Fixtures.oauth2(URL).scopes(" a, b:c  d,a ").build().scopes());
    }
}
