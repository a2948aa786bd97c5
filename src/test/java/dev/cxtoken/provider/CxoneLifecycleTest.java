package dev.cxtoken.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.Secret;
import dev.cxtoken.TokenRequestRejectedException;
import dev.cxtoken.credentials.ServerCredentials;
import dev.cxtoken.plugin.TokenGoal;
import dev.cxtoken.standin.StandInTokenServer;
import dev.cxtoken.testing.TestBuild;
import dev.cxtoken.testing.TestParameters;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** CXone's part of the lifecycle: RFC 7009 at the discovered revocation_endpoint, and the tenant pin. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CxoneLifecycleTest {
    private static final String APP_ID = "cxone-app-7d1e";
    private static final String APP_SECRET = "App+S3cret/with:colon=";
    private static final String KEY_ID = "AKIA-CXONE-4711";
    private static final String KEY_SECRET = "k3y=Secret&with+plus";

    private static TestBuild build() {
        TestBuild build = new TestBuild();
        build.serverSource = id -> Optional.ofNullable(id.equals("cxone")
                ? new ServerCredentials(APP_ID, Secret.of(APP_SECRET)) : id.equals("cxone-access-key")
                ? new ServerCredentials(KEY_ID, Secret.of(KEY_SECRET)) : null);
        return build;
    }

    private static StandInTokenServer server() throws Exception {
        return new StandInTokenServer(0, APP_ID, APP_SECRET, 3600, KEY_ID, KEY_SECRET);
    }

    @Test
    void revokesAtTheDiscoveredEndpointWithTheApplicationsCredentials() throws Exception {
        for (String clientAuth : new String[] {"post", "basic"}) {
            try (StandInTokenServer server = server().cxoneClientAuth(clientAuth)) {
                TestBuild build = build();
                TokenGoal.Result result = build.run(TestParameters.cxone(server.baseUrl())
                        .with("cxoneLogin", "application").with("clientAuth", clientAuth));
                assertTrue(result.summary().endsWith("; revoked when the build ends."), result.summary());
                String token = result.outcome().token().value().reveal();
                assertTrue(server.isActive(token));
                build.endBuild();
                assertFalse(server.isActive(token), clientAuth);
                assertEquals(server.issuedTokens(), server.revokedTokens());
                assertTrue(build.log.all().contains("Revoked 1 token(s)"), build.log.all());
            }
        }
    }

    @Test
    void withoutARevocationEndpointNothingIsSentAndADebugLineSaysSo() throws Exception {
        try (StandInTokenServer server = server().cxoneRevocation(false)) {
            TestBuild build = build();
            TokenGoal.Result result = build.run(TestParameters.cxone(server.baseUrl()).with("cxoneLogin",
                    "application"));
            assertTrue(result.summary().contains(": the discovery document of " + server.baseUrl()
                    + " names no revocation_endpoint."), result.summary());
            build.endBuild();
            assertEquals(0, server.revocationRequests());
            assertTrue(build.log.all().contains("DEBUG Not revoking the cxone token"), build.log.all());
            assertEquals(0, build.log.warnings(), build.log.all());
        }
    }

    @Test
    void theTenantPinMatchesTheIdTokensTenantId() throws Exception {
        try (StandInTokenServer server = server()) {
            TestBuild build = build();
            TokenGoal.Result result = build.run(TestParameters.cxone(server.baseUrl()).with("cxoneLogin",
                    "application").with("expectedOrganization", StandInTokenServer.CXONE_TENANT_ID));
            assertEquals(StandInTokenServer.CXONE_TENANT_ID, build.properties.getProperty("cx.token.organizationId"));
            assertFalse(build.properties.containsKey("cx.token.organizationName"), "CXone names no tenant name");
            assertTrue(result.summary().contains("of org " + StandInTokenServer.CXONE_TENANT_ID + " as expected"),
                    result.summary());
        }
    }

    @Test
    void anotherTenantIsRefusedAndRevokedAtOnce() throws Exception {
        try (StandInTokenServer server = server()) {
            TestBuild build = build();
            TokenRequestRejectedException e = assertThrows(TokenRequestRejectedException.class, () -> build.run(
                    TestParameters.cxone(server.baseUrl()).with("cxoneLogin", "application")
                            .with("expectedOrganization", "11ee0000-0000-4000-8000-000000000bad")));
            assertTrue(e.getMessage().contains("NICE CXone org id " + StandInTokenServer.CXONE_TENANT_ID), e.getMessage());
            assertTrue(e.getMessage().contains("The token was revoked at once"), e.getMessage());
            assertEquals(server.issuedTokens(), server.revokedTokens());
            assertFalse(build.properties.containsKey("cx.token"));
        }
    }

    @Test
    void revocationUrlIsForOauth2Only() throws Exception {
        try (StandInTokenServer server = server()) {
            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> build().run(
                    TestParameters.cxone(server.baseUrl()).with("revocationUrl", server.baseUrl() + "/revoke")));
            assertTrue(e.getMessage().startsWith("revocationUrl (property cxtoken.revocationUrl) is for provider"
                    + " 'oauth2'"), e.getMessage());
            assertEquals(0, server.tokenRequests());
        }
    }
}
