package dev.cxtoken.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.testing.ScriptedHttpServer;
import dev.cxtoken.testing.TestBuild;
import dev.cxtoken.testing.TestKeys;
import dev.cxtoken.testing.TestParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

/** cx-token:diagnose: what fetch-token would do, with nothing sent and no value shown. */
class DiagnosisTest {
    private static String block(TestBuild build, dev.cxtoken.plugin.Parameters parameters) throws CxTokenException {
        List<String> lines = new Diagnosis(build.context()).run(parameters);
        int valueColumn = lines.get(0).indexOf("genesys") >= 0 ? lines.get(0).indexOf("genesys")
                : lines.get(0).lastIndexOf("  ") + 2;
        for (String line : lines) {
            assertTrue(line.length() > valueColumn && line.charAt(valueColumn - 1) == ' ', "not aligned: " + line);
        }
        return String.join("\n", lines);
    }

    @Test
    void aGoodGenesysConfigurationIsDescribedAndNothingIsSent() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(ScriptedHttpServer.token("never", 3600))) {
            TestBuild build = TestBuild.withClient("genesys", TestBuild.SECRET);
            String block = block(build, TestParameters.defaults().with("environment", "eu_west_1")
                    .with("expectedOrganization", "Contoso Test"));
            assertTrue(block.startsWith("provider      genesys (Genesys Cloud)\n"), block);
            assertTrue(block.contains("\nendpoint      https://login.mypurecloud.ie/oauth/token\n"), block);
            assertTrue(block.contains("\nfound from    the region table: environment 'eu_west_1' is mypurecloud.ie"),
                    block);
            assertTrue(block.contains("\nclient        3c5a7f1e…, from environment variables GENESYS_CLIENT_ID and"
                    + " GENESYS_CLIENT_SECRET\n"), block);
            assertTrue(block.contains("\n  looked in   settings.xml server 'genesys' (parameter serverId, property"
                    + " cxtoken.serverId) or the environment variables GENESYS_CLIENT_ID / GENESYS_CLIENT_SECRET"), block);
            assertTrue(block.contains("\nproxy         the JVM's proxy settings; loopback always goes direct"), block);
            assertTrue(block.contains("\nat the end    revoked when the build ends (revoke true)"), block);
            assertTrue(block.contains("\norg pin       the token must belong to 'Contoso Test'"), block);
            assertTrue(block.endsWith("\nsent          nothing: cx-token:diagnose stops before the first request"), block);
            assertFalse(block.contains(TestBuild.SECRET) || block.contains(TestBuild.CLIENT_ID), block);
            assertEquals(0, server.requests().size());
            assertTrue(build.properties.isEmpty(), "nothing published: " + build.properties);
        }
    }

    @Test
    void theDefaultRegionAndAKeptTokenAreSaid() throws Exception {
        TestBuild build = TestBuild.withClient("genesys", TestBuild.SECRET);
        String block = block(build, TestParameters.defaults().with("tokenFile", "target/diagnose-token"));
        assertTrue(block.contains("endpoint      https://login.mypurecloud.com/oauth/token (default environment"
                + " mypurecloud.com, us-east-1; set environment for your org's region)"), block);
        assertTrue(block.contains("found from    the default environment mypurecloud.com (us-east-1)"), block);
        assertTrue(block.contains("kept valid after the build: tokenFile is set"), block);
        assertTrue(block.contains("and written to "), block);
    }

    @Test
    void whereFetchTokenWouldFailBeforeSendingDiagnoseFailsWithTheSameMessage() throws Exception {
        for (dev.cxtoken.plugin.Parameters parameters : new dev.cxtoken.plugin.Parameters[] {
                TestParameters.defaults(), TestParameters.defaults().with("environment", "mypurecloud.co.uk")}) {
            String diagnosed = assertThrows(CxTokenException.class,
                    () -> new Diagnosis(new TestBuild().context()).run(parameters)).getMessage();
            String fetched = assertThrows(CxTokenException.class, () -> new TestBuild().run(parameters)).getMessage();
            assertEquals(fetched, diagnosed);
        }
    }

    @Test
    void aCxoneIssuerIsFoundThroughItsDiscoveryDocument() throws Exception {
        TestBuild build = TestBuild.withClient("cxone", TestBuild.SECRET);
        build.environment.put("CXONE_ACCESS_KEY_ID", "AK-4711");
        build.environment.put("CXONE_ACCESS_KEY_SECRET", "ak-secret-value");
        String block = block(build, TestParameters.defaults().with("provider", "cxone"));
        assertTrue(block.matches("(?s).*\nfound from +the discovery document https://cxone\\.niceincontact\\.com/"
                + "\\.well-known/openid-configuration, read when the goal runs\n.*"), block);
        assertTrue(block.matches("(?s).*\naccess key +AK-4711, from environment variables CXONE_ACCESS_KEY_ID and"
                + " CXONE_ACCESS_KEY_SECRET\n.*"), block);
        assertFalse(block.contains("ak-secret-value"), block);
    }

    @Test
    void keysCiTokensAndIssuersAreDescribedWithoutTheirValues() throws Exception {
        TestBuild build = new TestBuild();
        String pem = TestKeys.pkcs8(TestKeys.ec("secp256r1").getPrivate());
        build.environment.put("OAUTH_CLIENT_ID", "jwt-client");
        build.environment.put("OAUTH_CLIENT_KEY", pem);
        String jwt = block(build, TestParameters.oauth2(null).with("issuer", "https://sso.example/realms/ci")
                .with("clientAuth", "private_key_jwt"));
        assertTrue(jwt.contains("\nendpoint      issuer https://sso.example/realms/ci\n"), jwt);
        assertTrue(jwt.contains("\nfound from    the metadata of issuer https://sso.example/realms/ci:"
                + " https://sso.example/.well-known/oauth-authorization-server/realms/ci, else"
                + " https://sso.example/realms/ci/.well-known/openid-configuration, read when the goal runs"), jwt);
        assertTrue(jwt.contains("\nclient auth   private_key_jwt\n"), jwt);
        assertTrue(jwt.contains("from environment variables OAUTH_CLIENT_ID and OAUTH_CLIENT_KEY, signing ES256\n"), jwt);
        assertFalse(jwt.contains(pem.split("\n")[1]), jwt);

        String ciToken = TestKeys.ciToken("project_path:acme/app", "https://sso.example/realms/ci", 300);
        build.environment.put("OAUTH_CLIENT_ASSERTION", ciToken);
        String federated = block(build, TestParameters.oauth2(null).with("issuer", "https://sso.example/realms/ci")
                .with("clientAuth", "federated"));
        assertTrue(federated.contains("\nrenewal       none: the CI token from environment variable"
                + " OAUTH_CLIENT_ASSERTION cannot be presented twice"), federated);
        assertTrue(federated.contains("\nat the end    not revoked: the CI token from environment variable"
                + " OAUTH_CLIENT_ASSERTION cannot be presented twice"), federated);
        assertFalse(federated.contains(ciToken.split("\\.")[1]), federated);
    }
}
