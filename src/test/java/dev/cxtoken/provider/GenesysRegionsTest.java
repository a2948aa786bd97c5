package dev.cxtoken.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.InvalidConfigurationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenesysRegionsTest {
    /** The official SDKs' region table, written out here rather than read from the code under test. */
    private static final String[][] REGIONS = {
        {"us-east-1", "mypurecloud.com"},
        {"eu-west-1", "mypurecloud.ie"},
        {"ap-southeast-2", "mypurecloud.com.au"},
        {"ap-northeast-1", "mypurecloud.jp"},
        {"eu-central-1", "mypurecloud.de"},
        {"us-west-2", "usw2.pure.cloud"},
        {"ca-central-1", "cac1.pure.cloud"},
        {"ap-northeast-2", "apne2.pure.cloud"},
        {"eu-west-2", "euw2.pure.cloud"},
        {"ap-south-1", "aps1.pure.cloud"},
        {"us-east-2", "use2.us-gov-pure.cloud"},
        {"sa-east-1", "sae1.pure.cloud"},
        {"me-central-1", "mec1.pure.cloud"},
        {"ap-northeast-3", "apne3.pure.cloud"},
        {"eu-central-2", "euc2.pure.cloud"},
        {"mx-central-1", "mxc1.pure.cloud"},
        {"ap-southeast-1", "apse1.pure.cloud"},
        {"eusc-de-east-1", "edee1.eusc-pure.cloud"},
    };

    @Test
    void everyRegionResolvesInEverySpelling() throws Exception {
        assertEquals(REGIONS.length, GenesysRegions.domainsByRegion().size(), "a region was added or removed");
        for (String[] entry : REGIONS) {
            String region = entry[0];
            String domain = entry[1];
            for (String spelling : new String[] {region, region.replace('-', '_'), region.toUpperCase(), domain,
                    "api." + domain, "login." + domain, " " + domain + " ", "https://api." + domain + "/"}) {
                assertEquals(domain, GenesysRegions.resolveDomain(spelling), spelling);
            }
        }
    }

    private static ClientCredentialsLogin genesys(String environment, String tokenUrl) throws Exception {
        return (ClientCredentialsLogin) new Genesys().configure(new ProviderOptions(environment, tokenUrl, null, null,
                null, null, null, null, null, List.of(), Map.of(), "basic", null));
    }

    @Test
    void endpointIsOnTheLoginHostAndApiBaseOnTheApiHost() throws Exception {
        ClientCredentialsLogin login = genesys("eu_west_1", null);
        assertEquals("https://login.mypurecloud.ie/oauth/token", login.endpointIdentity());
        assertEquals("https://api.mypurecloud.ie", login.apiBaseUrl());
        assertEquals("https://api.euw2.pure.cloud",
                genesys("mypurecloud.com", "https://login.euw2.pure.cloud/oauth/token").apiBaseUrl());
        assertEquals("https://login.mypurecloud.com/oauth/token", genesys(null, null).endpointIdentity());
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

    @Test
    void aRegionIsSuggestedByMeaningNextToTheClosestSpelling() {
        InvalidConfigurationException uk = assertThrows(InvalidConfigurationException.class,
                () -> GenesysRegions.resolveDomain("mypurecloud.co.uk"));
        assertTrue(uk.getMessage().contains("Did you mean 'mypurecloud.com'? 'uk' suggests eu-west-2"
                + " (euw2.pure.cloud)."), uk.getMessage());
        String[][] cases = {{"london", "eu-west-2 (euw2.pure.cloud)"}, {"api.mypurecloud.au", "ap-southeast-2"},
            {"Sydney", "ap-southeast-2 (mypurecloud.com.au)"}, {"tokyo", "ap-northeast-1 (mypurecloud.jp)"},
            {"frankfurt", "eu-central-1 (mypurecloud.de)"}, {"dublin", "eu-west-1 (mypurecloud.ie)"},
            {"mumbai", "ap-south-1 (aps1.pure.cloud)"}, {"São Paulo", "sa-east-1 (sae1.pure.cloud)"},
            {"canada", "ca-central-1 (cac1.pure.cloud)"}, {"mypurecloud.in", "ap-south-1"},
            {"united-kingdom", "eu-west-2"}, {"seoul", "ap-northeast-2 (apne2.pure.cloud)"}};
        for (String[] c : cases) {
            String message = assertThrows(InvalidConfigurationException.class,
                    () -> GenesysRegions.resolveDomain(c[0])).getMessage();
            assertTrue(message.contains("' suggests " + c[1]), c[0] + ": " + message);
        }
        String none = assertThrows(InvalidConfigurationException.class,
                () -> GenesysRegions.resolveDomain("eu-west-3")).getMessage();
        assertFalse(none.contains("suggests"), "'eu' alone names four regions: " + none);
    }

    @Test
    void theInfoLineSaysWhenTheEnvironmentIsTheDefaultOrOverridden() throws Exception {
        assertEquals(" (default environment mypurecloud.com, us-east-1; set environment for your org's region)",
                genesys(null, null).endpointNote());
        assertEquals("", genesys("eu-west-1", null).endpointNote());
        assertEquals("", genesys(null, "https://gateway.example.com/oauth/token").endpointNote());
        assertEquals(" (tokenUrl overrides environment eu-west-1, which is not used)",
                genesys("eu-west-1", "https://gateway.example.com/oauth/token").endpointNote());
    }

    @Test
    void theEnvironmentIsCheckedWhenTokenUrlIsSetToo() {
        String message = assertThrows(InvalidConfigurationException.class,
                () -> genesys("mypurecloud.co.uk", "https://gateway.example.com/oauth/token")).getMessage();
        assertTrue(message.startsWith("Unknown Genesys Cloud environment 'mypurecloud.co.uk'"), message);
        assertTrue(message.endsWith(" tokenUrl (cxtoken.tokenUrl) is set and gives the token endpoint, so environment"
                + " is not used for it: remove environment, or correct it."), message);
        assertFalse(message.contains("set tokenUrl (cxtoken.tokenUrl) instead"), "tokenUrl is set already: " + message);
    }

    @Test
    void noNoteWhenTokenUrlIsTheEnvironmentsOwnEndpoint() throws Exception {
        assertEquals("", genesys("eu-west-1", "https://login.mypurecloud.ie/oauth/token").endpointNote());
    }
}
