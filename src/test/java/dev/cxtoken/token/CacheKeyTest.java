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
}
