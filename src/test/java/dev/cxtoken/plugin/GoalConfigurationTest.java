package dev.cxtoken.plugin;

import dev.cxtoken.testing.TestBuild;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cxtoken.credentials.CredentialPlace;
import dev.cxtoken.testing.TestParameters;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Defaults and accepted spellings. Malformed values are in the bad-input matrix (BadInputMatrixTest). */
class GoalConfigurationTest {
    private static final String URL = "https://auth.example.com/oauth2/token";

    private static GoalConfiguration parse(Parameters parameters) throws Exception {
        return GoalConfiguration.parse(parameters, TestBuild.NO_ENVIRONMENT);
    }

    @Test
    void defaultsMatchTheDocumentedContract() throws Exception {
        GoalConfiguration config = parse(TestParameters.defaults());
        assertEquals("genesys", config.provider.id());
        assertEquals("https://login.mypurecloud.com/oauth/token", config.login.endpointIdentity());
        List<CredentialPlace> places = config.login.places();
        assertEquals(1, places.size());
        assertEquals("settings.xml server 'genesys' (parameter serverId, property cxtoken.serverId) or the"
                + " environment variables GENESYS_CLIENT_ID / GENESYS_CLIENT_SECRET", places.get(0).describe());
        assertEquals(Collections.emptyList(), config.scopes);
        assertEquals("client_secret_basic (raw)", config.login.clientAuthentication());
        assertEquals("cx.token", config.tokenProperty);
        assertEquals(300, config.minValidity.getSeconds());
        assertEquals(60, config.http.timeout().getSeconds());
        assertEquals(4, config.http.maxAttempts());
        assertEquals(10, config.http.connectTimeout().getSeconds());
        assertEquals(20, config.http.responseTimeout().getSeconds());
        GoalConfiguration oauth2 = parse(TestParameters.oauth2(URL));
        assertEquals("settings.xml server 'oauth2' (parameter serverId, property cxtoken.serverId) or the"
                + " environment variables OAUTH_CLIENT_ID / OAUTH_CLIENT_SECRET",
                oauth2.login.places().get(0).describe());
        assertEquals("client_secret_basic (form-encoded)", oauth2.login.clientAuthentication());
    }

    @Test
    void cxoneDefaultsAndIssuerSpellings() throws Exception {
        GoalConfiguration config = parse(TestParameters.defaults().with("provider", "cxone"));
        assertEquals("cxone", config.provider.id());
        assertEquals("issuer https://cxone.niceincontact.com", config.login.endpointIdentity());
        assertEquals("cxone.niceincontact.com", config.login.hostForDisplay());
        List<CredentialPlace> places = config.login.places();
        assertEquals("settings.xml server 'cxone' (parameter serverId, property cxtoken.serverId) or the"
                + " environment variables CXONE_CLIENT_ID / CXONE_CLIENT_SECRET", places.get(0).describe());
        assertEquals("settings.xml server 'cxone-access-key' (parameter accessKeyServerId, property"
                + " cxtoken.accessKeyServerId) or the environment variables CXONE_ACCESS_KEY_ID /"
                + " CXONE_ACCESS_KEY_SECRET", places.get(1).describe());
        String[][] spellings = {
            {"cxone-gov.niceincontact.com", "https://cxone-gov.niceincontact.com"},
            {" https://nicecxone-sov1.eu/ ", "https://nicecxone-sov1.eu"},
            {"https://issuer.example.com/tenant-path/", "https://issuer.example.com/tenant-path"},
            {"http://127.0.0.1:8080", "http://127.0.0.1:8080"},
        };
        for (String[] spelling : spellings) {
            assertEquals("issuer " + spelling[1], parse(TestParameters.defaults().with("provider", "cxone")
                    .with("environment", spelling[0])).login.endpointIdentity(), spelling[0]);
        }
        GoalConfiguration explicit = parse(TestParameters.defaults().with("provider", "CXone")
                .with("tokenUrl", "https://cxone.niceincontact.com/auth/token"));
        assertEquals("https://cxone.niceincontact.com/auth/token", explicit.login.endpointIdentity());
    }

    @Test
    void loopbackHttpIsAllowed() throws Exception {
        for (String url : new String[] {"http://localhost:8080/t", "http://127.0.0.1/t", "http://127.10.20.30:1/t",
                "http://[::1]:9/t"}) {
            assertEquals(url, parse(TestParameters.oauth2(url)).login.endpointIdentity());
        }
    }

    @Test
    void scopesAreSplitOnSpacesAndCommas() throws Exception {
        assertEquals(Arrays.asList("a", "b:c", "d"),
                parse(TestParameters.oauth2(URL).with("scopes", " a, b:c  d,a ")).scopes);
    }
}
