package dev.cxtoken.credentials;

import dev.cxtoken.testing.TestBuild;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.plugin.GoalConfiguration;
import dev.cxtoken.plugin.Parameters;
import dev.cxtoken.CxTokenException;
import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.MissingCredentialsException;
import dev.cxtoken.Secret;
import dev.cxtoken.testing.TestParameters;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialResolverTest {
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, ServerCredentials> servers = new HashMap<>();
    private final CredentialResolver resolver = new CredentialResolver(
            id -> Optional.ofNullable(servers.get(id)), new EnvironmentVariables(env::get));

    private ClientCredentials resolve(Parameters parameters) throws CxTokenException {
        return resolver.resolve(GoalConfiguration.parse(parameters, TestBuild.NO_ENVIRONMENT).login().places().get(0));
    }

    @Test
    void settingsServerComesFirst() throws Exception {
        servers.put("genesys", new ServerCredentials("server-id", Secret.of("server-secret")));
        env.put("GENESYS_CLIENT_ID", "env-id");
        env.put("GENESYS_CLIENT_SECRET", "env-secret");
        ClientCredentials found = resolve(TestParameters.defaults());
        assertEquals("server-id", found.clientId());
        assertEquals("server-secret", found.secret().reveal());
        assertEquals("settings.xml server 'genesys'", found.source());
    }

    @Test
    void environmentVariablesAreTheFallback() throws Exception {
        env.put("GENESYS_CLIENT_ID", "env-id");
        env.put("GENESYS_CLIENT_SECRET", " env-secret\n");
        ClientCredentials found = resolve(TestParameters.defaults());
        assertEquals("env-id", found.clientId());
        assertEquals("env-secret", found.secret().reveal());
        assertEquals("environment variables GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET", found.source());
        assertFalse(found.toString().contains("env-secret"));
    }

    @Test
    void theSourceNamesTheIdsPlaceAndTheSecretsPlaceWhenTheyDiffer() throws Exception {
        env.put("GENESYS_CLIENT_SECRET", "env-secret");
        ClientCredentials found = resolve(TestParameters.defaults().with("clientId", "param-id"));
        assertEquals("parameter clientId (the id) and environment variable GENESYS_CLIENT_SECRET (the secret)",
                found.source());
    }

    @Test
    void customServerAndVariableNames() throws Exception {
        servers.put("genesys", new ServerCredentials("wrong", Secret.of("wrong")));
        servers.put("org-b", new ServerCredentials("b-id", Secret.of("b-secret")));
        assertEquals("b-id", resolve(TestParameters.defaults().with("serverId", "org-b")).clientId());
        env.put("MY_SECRET", "s");
        ClientCredentials found = resolve(TestParameters.oauth2("https://a.example/t")
                .with("clientSecretEnv", "MY_SECRET").with("clientId", "param-id"));
        assertEquals("param-id", found.clientId());
    }

    @Test
    void unresolvedExpressionsInAServerAreNamedNotSent() {
        servers.put("genesys", new ServerCredentials("id", Secret.of("${env.GENESYS_CLIENT_SECRET}")));
        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> resolve(TestParameters.defaults()));
        assertEquals("settings.xml server 'genesys' has <password>${env.GENESYS_CLIENT_SECRET}</password>, which Maven"
                + " could not resolve: environment variable GENESYS_CLIENT_SECRET is not set in this build (in GitLab"
                + " CI, protected variables reach only protected branches and tags). Set it, or remove the server"
                + " from this settings.xml to use the plugin's environment variables.", e.getMessage());

        servers.put("genesys", new ServerCredentials(" ${genesys.client.id} ", Secret.of("s")));
        e = assertThrows(InvalidConfigurationException.class, () -> resolve(TestParameters.defaults()));
        assertTrue(e.getMessage().contains("<username>${genesys.client.id}</username>, which Maven could not resolve:"
                + " property genesys.client.id is not defined"), e.getMessage());
    }

    @Test
    void secretsThatMerelyContainDollarBracesAreKept() throws Exception {
        servers.put("genesys", new ServerCredentials("id", Secret.of("a${b}c")));
        assertEquals("a${b}c", resolve(TestParameters.defaults()).secret().reveal());
    }

    @Test
    void serverWithoutUsernameTakesTheClientIdParameter() throws Exception {
        servers.put("genesys", new ServerCredentials(null, Secret.of("s")));
        assertThrows(MissingCredentialsException.class, () -> resolve(TestParameters.defaults()));
        assertEquals("p", resolve(TestParameters.defaults().with("clientId", "p")).clientId());
    }
}
