package dev.cxtoken.provider;

import static dev.cxtoken.testing.ScriptedHttpServer.json;
import static dev.cxtoken.testing.ScriptedHttpServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.TokenRequestRejectedException;
import dev.cxtoken.plugin.Parameters;
import dev.cxtoken.plugin.TokenGoal;
import dev.cxtoken.testing.ScriptedHttpServer;
import dev.cxtoken.testing.TestBuild;
import dev.cxtoken.testing.TestParameters;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** expectedOrganization: the org check after the fetch, by id or by name, and what a mismatch does. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OrganizationPinTest {
    private static final String ME = "{\"organization\":{\"id\":\"0b5c-org-id\",\"name\":\"Contoso Prod\"},"
            + "\"OAuthClient\":{\"id\":\"3c5a7f1e-client\",\"name\":\"CI pipeline\"}}";

    private final TestBuild build = TestBuild.withClient("genesys", TestBuild.SECRET);

    private static Parameters pinned(ScriptedHttpServer server, String org) {
        return TestParameters.genesys(server.url("/oauth/token")).with("expectedOrganization", org);
    }

    @Test
    void aMatchingIdPublishesTheOrgAndNamesItInTheInfoLine() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("token-a", 600), json(200, ME))) {
            TokenGoal.Result result = build.run(pinned(server, "0b5c-org-id"));
            assertEquals("GET", server.requests().get(1).method);
            assertEquals("/api/v2/tokens/me", server.requests().get(1).target);
            assertEquals("Bearer token-a", server.requests().get(1).header("Authorization"));
            assertEquals("0b5c-org-id", build.properties.getProperty("cx.token.organizationId"));
            assertEquals("Contoso Prod", build.properties.getProperty("cx.token.organizationName"));
            assertTrue(result.summary().contains("of org 'Contoso Prod' (0b5c-org-id) as expected, OAuth client"
                    + " 'CI pipeline'"), result.summary());
            // Another module with the same pin reuses the checked token without asking again.
            assertFalse(build.run(pinned(server, "0b5c-org-id")).outcome().fetched());
            assertEquals(2, server.requests().size());
            assertEquals("Contoso Prod", build.properties.getProperty("cx.token.organizationName"));
        }
    }

    @Test
    void theNameMatchesIgnoringCase() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("token-a", 600), json(200, ME))) {
            build.run(pinned(server, "contoso PROD"));
            assertEquals("0b5c-org-id", build.properties.getProperty("cx.token.organizationId"));
        }
    }

    @Test
    void aTokenOfAnotherOrgIsRevokedAtOnceAndNothingIsPublished() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("token-a", 600), json(200, ME),
                json(204, ""))) {
            TokenRequestRejectedException e = assertThrows(TokenRequestRejectedException.class,
                    () -> build.run(pinned(server, "Contoso Test")));
            assertTrue(e.isUserFixable());
            assertTrue(e.getMessage().contains("'Contoso Prod' (id 0b5c-org-id)"), e.getMessage());
            assertTrue(e.getMessage().contains("not to the expected 'Contoso Test'"), e.getMessage());
            assertTrue(e.getMessage().contains("the OAuth client is 'CI pipeline'"), e.getMessage());
            assertTrue(e.getMessage().contains("The token was revoked at once"), e.getMessage());
            assertEquals(3, server.requests().size());
            assertEquals("DELETE", server.requests().get(2).method);
            assertNull(build.properties.getProperty("cx.token"));
            assertNull(build.properties.getProperty("cx.token.file"));
            assertFalse(e.getMessage().contains("token-a"));
            build.endBuild();
            assertEquals(3, server.requests().size(), "the refused token is not revoked a second time");
        }
    }

    @Test
    void aPinIsNotSharedWithAnotherPin() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("token-a", 600), json(200, ME),
                token("token-b", 600), json(200, ME), json(204, ""))) {
            build.run(pinned(server, "0b5c-org-id"));
            assertThrows(TokenRequestRejectedException.class, () -> build.run(pinned(server, "other-org")));
            assertEquals(5, server.requests().size(), "the second pin fetched and checked its own token");
        }
    }

    @Test
    void oauth2RefusesThePinBeforeAnyRequest() throws Exception {
        TestBuild oauth = TestBuild.withClient("oauth2", TestBuild.SECRET);
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("token-a", 600))) {
            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> oauth.run(
                    TestParameters.oauth2(server.url("/token")).with("expectedOrganization", "org")));
            assertTrue(e.getMessage().contains("Remove it for provider 'oauth2'"), e.getMessage());
            assertEquals(0, server.requests().size());
        }
    }

    @Test
    void aFailedLookupFailsTheBuildAndRevokesTheToken() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("token-a", 600),
                json(403, "{\"message\":\"no\"}"), json(204, ""))) {
            TokenRequestRejectedException e = assertThrows(TokenRequestRejectedException.class,
                    () -> build.run(pinned(server, "0b5c-org-id")));
            assertTrue(e.getMessage().startsWith("Token identity lookup to "), e.getMessage());
            assertEquals("DELETE", server.requests().get(2).method);
        }
    }
}
