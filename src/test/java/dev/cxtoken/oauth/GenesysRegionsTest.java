package dev.cxtoken.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GenesysRegionsTest {
    @Test
    void everyRegionResolvesInEverySpelling() throws Exception {
        assertEquals(18, GenesysRegions.domainsByRegion().size());
        for (Map.Entry<String, String> entry : GenesysRegions.domainsByRegion().entrySet()) {
            String region = entry.getKey();
            String domain = entry.getValue();
            for (String spelling : new String[] {region, region.replace('-', '_'), region.toUpperCase(), domain,
                    "api." + domain, "login." + domain, " " + domain + " ", "https://api." + domain + "/"}) {
                assertEquals(domain, GenesysRegions.resolveDomain(spelling), spelling);
            }
        }
    }

    @Test
    void endpointIsOnTheLoginHostAndApiBaseOnTheApiHost() throws Exception {
        TokenEndpoint endpoint = TokenEndpoint.resolve(Provider.GENESYS, "eu_west_1", null);
        assertEquals("https://login.mypurecloud.ie/oauth/token", endpoint.tokenUri().toString());
        assertEquals("https://api.mypurecloud.ie", endpoint.apiBaseUrl());
        TokenEndpoint explicit = TokenEndpoint.resolve(Provider.GENESYS, "mypurecloud.com",
                "https://login.euw2.pure.cloud/oauth/token");
        assertEquals("https://api.euw2.pure.cloud", explicit.apiBaseUrl());
    }

    @Test
    void unknownEnvironmentListsValidValuesAndTheClosestMatch() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> GenesysRegions.resolveDomain("mypurecloud.iee"));
        assertTrue(e.getMessage().contains("Did you mean 'mypurecloud.ie'?"), e.getMessage());
        assertTrue(e.getMessage().contains("eu-west-1 (mypurecloud.ie)"), e.getMessage());
        assertTrue(e.getMessage().contains("cxtoken.environment"), e.getMessage());
        InvalidConfigurationException region = assertThrows(InvalidConfigurationException.class,
                () -> GenesysRegions.resolveDomain("eu-west-3"));
        assertTrue(region.getMessage().contains("Did you mean 'eu-west-"), region.getMessage());
        InvalidConfigurationException far = assertThrows(InvalidConfigurationException.class,
                () -> GenesysRegions.resolveDomain("example.org.something.else"));
        assertFalse(far.getMessage().contains("Did you mean"), far.getMessage());
    }
}
