package dev.cxtoken.token;

import static dev.cxtoken.testing.ScriptedHttpServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.plugin.GoalConfiguration;
import dev.cxtoken.plugin.Parameters;
import dev.cxtoken.credentials.ClientCredentials;
import dev.cxtoken.Secret;
import dev.cxtoken.testing.ScriptedHttpServer;
import dev.cxtoken.testing.TestBuild;
import dev.cxtoken.testing.TestKeys;
import dev.cxtoken.testing.TestParameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests that differ must never share a token, whatever their values spell when joined. */
class CacheKeyTest {
    private static final List<ClientCredentials> CLIENT =
            List.of(new ClientCredentials("id", Secret.of("secret-value-1"), "test"));

    private static String key(Parameters parameters) throws Exception {
        GoalConfiguration config = GoalConfiguration.parse(parameters, TestBuild.NO_ENVIRONMENT);
        return CacheKey.of(config.login(), CLIENT, List.of(), parameters.extraParameters(), null);
    }

    @Test
    void extraParametersThatSpellTheSameWhenJoinedGetDifferentKeys() throws Exception {
        Parameters base = TestParameters.oauth2("https://auth.example.com/token");
        String one = key(base.withExtraParameters(Map.of("audience", "x, resource=y")));
        String two = key(base.withExtraParameters(Map.of("audience", "x", "resource", "y")));
        assertNotEquals(one, two);
        assertEquals(one, key(base.withExtraParameters(Map.of("audience", "x, resource=y"))));
    }

    @Test
    void theKeyHoldsNoSecret() throws Exception {
        String key = key(TestParameters.oauth2("https://auth.example.com/token"));
        assertFalse(key.contains("secret-value-1"), key);
        assertTrue(key.contains(Secret.of("secret-value-1").fingerprint()), key);
    }

    /** The same through the goal: two executions of one build, two tokens. */
    @Test
    void twoExecutionsWithThoseParametersFetchTwoTokens() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("first", 3600), token("second", 3600))) {
            TestBuild build = TestBuild.withClient("oauth2", TestBuild.SECRET);
            Parameters base = TestParameters.oauth2(server.url("/token"));
            String a = build.token(base.withExtraParameters(Map.of("audience", "x, resource=y"))).value().reveal();
            String b = build.token(base.withExtraParameters(Map.of("audience", "x", "resource", "y"))).value()
                    .reveal();
            assertEquals(List.of("first", "second"), List.of(a, b));
            assertEquals(2, server.requests().size());
        }
    }

    /** Two keys, two clients and two CI subjects never share a token; two modules of one build do. */
    @Test
    void keysClientsAndAssertionSubjectsTellTokensApart() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(token("t1", 3600), token("t2", 3600),
                token("t3", 3600), token("t4", 3600), token("t5", 3600), token("t6", 3600))) {
            TestBuild build = new TestBuild();
            Parameters jwt = TestParameters.oauth2(server.url("/token")).with("clientAuth", "private_key_jwt");
            build.environment.put("OAUTH_CLIENT_ID", "client-a");
            build.environment.put("OAUTH_CLIENT_KEY", TestKeys.pkcs8(TestKeys.rsa(2048).getPrivate()));
            String first = build.token(jwt).value().reveal();
            assertEquals(first, build.token(jwt).value().reveal(), "the next module reuses it");
            build.environment.put("OAUTH_CLIENT_KEY", TestKeys.pkcs8(TestKeys.rsa(2048).getPrivate()));
            assertEquals("t2", build.token(jwt).value().reveal(), "another key");
            build.environment.put("OAUTH_CLIENT_ID", "client-b");
            assertEquals("t3", build.token(jwt).value().reveal(), "another client");

            Parameters federated = TestParameters.oauth2(server.url("/token")).with("clientAuth", "federated");
            build.environment.put("OAUTH_CLIENT_ASSERTION", TestKeys.ciToken("project_path:acme/app", "aud", 300));
            assertEquals("t4", build.token(federated).value().reveal());
            assertEquals("t4", build.token(federated).value().reveal(), "the same CI token in the next module");
            build.environment.put("OAUTH_CLIENT_ASSERTION", TestKeys.ciToken("project_path:acme/other", "aud", 300));
            assertEquals("t5", build.token(federated).value().reveal(), "another subject");
            assertEquals(5, server.requests().size());
        }
    }
}
