package dev.cxtoken.provider;

import static dev.cxtoken.testing.ScriptedHttpServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.Secret;
import dev.cxtoken.TokenRequestRejectedException;
import dev.cxtoken.credentials.ServerCredentials;
import dev.cxtoken.plugin.GoalConfiguration;
import dev.cxtoken.plugin.Parameters;
import dev.cxtoken.standin.StandInTokenServer;
import dev.cxtoken.testing.ScriptedHttpServer;
import dev.cxtoken.testing.TestBuild;
import dev.cxtoken.testing.TestParameters;
import dev.cxtoken.token.TokenService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** NICE's access-key login, and the choice between it and the application login. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CxoneAccessKeyLoginTest {
    private static final String KEY_ID = "AK-4711";
    /** Everything JSON must escape, and what a form would mangle. */
    private static final String KEY_SECRET = "k\"e\\y=S&c\u0001r+t:é€😀/";
    private static final String APP_ID = "app-1";
    private static final String APP_SECRET = "app-S3cret";

    private static TestBuild withAccessKey() {
        TestBuild build = new TestBuild();
        build.environment.put("CXONE_ACCESS_KEY_ID", KEY_ID);
        build.environment.put("CXONE_ACCESS_KEY_SECRET", KEY_SECRET);
        return build;
    }

    private static Parameters accessKeyLogin(String tokenUrl) {
        return TestParameters.defaults().with("provider", "cxone").with("tokenUrl", tokenUrl);
    }

    private static StandInTokenServer standIn() throws Exception {
        return new StandInTokenServer(0, APP_ID, APP_SECRET, 3600, KEY_ID, KEY_SECRET);
    }

    /** Every spelling of the access key secret that must never be written. */
    private static List<String> forbidden() {
        String json = new Gson().toJson(KEY_SECRET);
        String form = URLEncoder.encode(KEY_SECRET, StandardCharsets.UTF_8);
        return List.of(KEY_SECRET, json.substring(1, json.length() - 1), form,
                Base64.getEncoder().encodeToString(KEY_SECRET.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anAccessKeyAloneLogsInAndFindsTheTenantsApi() throws Exception {
        try (StandInTokenServer server = standIn()) {
            TestBuild build = withAccessKey();
            TokenService.Outcome outcome =
                    build.run(accessKeyLogin(server.baseUrl() + "/authentication/v1/token/access-key")).outcome();
            assertTrue(server.issuedTokens().contains(outcome.token().value().reveal()));
            assertEquals(server.baseUrl() + "/cxone-api", outcome.token().apiBaseUrl());
            assertEquals(1, server.tokenRequests());
            assertEquals(0, server.discoveryRequests());
            assertEquals(1, server.cxoneConfigurationRequests());
            String log = build.log.all();
            assertTrue(log.contains("INFO Fetched cxone token (access-key login) from 127.0.0.1:" + server.port()
                    + " for access key AK-4711 (credentials from environment variables CXONE_ACCESS_KEY_ID and CXONE_ACCESS_KEY_SECRET)"), log);
            assertTrue(log.contains("DEBUG The NICE CXone API base URL " + server.baseUrl() + "/cxone-api comes from"
                    + " the tenant lookup."), log);
            for (String form : forbidden()) {
                assertFalse(log.contains(form), "the access key secret is in the log, DEBUG included: " + log);
            }
        }
    }

    @Test
    void theRequestIsOneJsonDocumentBuiltByGson() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(json(200, "{\"access_token\":\"t\",\"expires_in\":3600}"))) {
            withAccessKey().run(accessKeyLogin(server.url("/authentication/v1/token/access-key")));
            ScriptedHttpServer.Recorded request = server.requests().get(0);
            assertEquals("POST", request.method);
            assertTrue(request.header("content-type").startsWith("application/json"), request.header("content-type"));
            assertNull(request.header("authorization"));
            com.google.gson.JsonObject body = new Gson().fromJson(request.body, com.google.gson.JsonObject.class);
            assertEquals(KEY_ID, body.get("accessKeyId").getAsString());
            assertEquals(KEY_SECRET, body.get("accessKeySecret").getAsString(), "the secret arrives intact");
            assertEquals(2, body.size());
        }
    }

    @Test
    void autoPicksTheApplicationLoginWhenItsCredentialsAreThere() throws Exception {
        try (StandInTokenServer server = standIn()) {
            TestBuild build = withAccessKey();
            build.servers.put("cxone", new ServerCredentials(APP_ID, Secret.of(APP_SECRET)));
            TokenService.Outcome outcome = build.run(TestParameters.cxone(server.baseUrl())).outcome();
            assertEquals("application login", outcome.login().name());
            assertEquals(1, server.discoveryRequests());
            assertTrue(build.log.all().contains("Fetched cxone token (application login)"), build.log.all());
        }
    }

    @Test
    void autoPicksTheAccessKeyLoginWithoutApplicationCredentials() throws Exception {
        for (String area : CxoneAreas.AREAS) {
            GoalConfiguration config = GoalConfiguration.parse(TestParameters.cxone(area), TestBuild.NO_ENVIRONMENT);
            TestBuild build = withAccessKey();
            dev.cxtoken.credentials.CredentialResolver resolver = new dev.cxtoken.credentials.CredentialResolver(
                    build.serverSource, new dev.cxtoken.credentials.EnvironmentVariables(build.environment::get));
            Login chosen = config.login().choose(resolver);
            assertEquals("access-key login", chosen.name(), area);
            assertEquals("https://" + area + ".nice-incontact.com/authentication/v1/token/access-key",
                    chosen.endpointIdentity());
            assertEquals(1, chosen.places().size(), "application credentials are not needed");
        }
    }

    @Test
    void anUnknownAreaFailsBeforeAnyRequestWithTheClosestMatch() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> withAccessKey()
                .run(TestParameters.cxone("eu2").with("cxoneLogin", "access-key")));
        assertTrue(e.getMessage().startsWith("Unknown CXone area 'eu2' (parameter environment, property"
                + " cxtoken.environment) for the access-key login. Did you mean 'eu1'?"), e.getMessage());
        assertTrue(e.getMessage().contains("na1, au1, eu1, uk1, ca1, jp1"), e.getMessage());
        InvalidConfigurationException none = assertThrows(InvalidConfigurationException.class,
                () -> withAccessKey().run(TestParameters.defaults().with("provider", "cxone")
                        .with("cxoneLogin", "access-key")));
        assertTrue(none.getMessage().contains("needs the area: set environment"), none.getMessage());
    }

    @Test
    void theApiBaseUrlFallsBackToTheAnswerThenToTheArea() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(json(200, "{\"access_token\":\"t1\",\"expires_in\":"
                + "3600,\"resource_server_base_uri\":\"https://api-b32.nice-incontact.com/inContactAPI/\"}"))) {
            TestBuild build = withAccessKey();
            TokenService.Outcome outcome = build.run(accessKeyLogin(server.url("/authentication/v1/token/access-key"))
                    .with("environment", "uk1")).outcome();
            assertEquals("https://api-b32.nice-incontact.com/inContactAPI", outcome.token().apiBaseUrl());
            assertTrue(build.log.all().contains("comes from the token answer's resource_server_base_uri (no tenant"
                    + " lookup: The token response from 127.0.0.1:" + server.port() + " has no id_token"),
                    build.log.all());
        }
        try (ScriptedHttpServer server = new ScriptedHttpServer(json(200, "{\"access_token\":\"t2\",\"expires_in\":3600}"))) {
            TestBuild build = withAccessKey();
            TokenService.Outcome outcome = build.run(accessKeyLogin(server.url("/authentication/v1/token/access-key"))
                    .with("environment", "uk1")).outcome();
            assertEquals("https://api-uk1.niceincontact.com", outcome.token().apiBaseUrl());
            assertTrue(build.log.all().contains("comes from the area uk1"), build.log.all());
        }
        try (ScriptedHttpServer server = new ScriptedHttpServer(json(200, "{\"access_token\":\"t3\",\"expires_in\":3600}"))) {
            TestBuild build = withAccessKey();
            TokenService.Outcome outcome = build.run(accessKeyLogin(server.url("/authentication/v1/token/access-key")))
                    .outcome();
            assertNull(outcome.token().apiBaseUrl(), "no lookup, no answer field, no area: no guess");
            assertTrue(build.log.all().contains("WARN Could not find the NICE CXone API base URL"), build.log.all());
        }
    }

    @Test
    void aWrongKeyIsRefusedWithWhereToCheckAndWhereToCreateOne() throws Exception {
        try (StandInTokenServer server = standIn()) {
            TestBuild build = withAccessKey();
            build.environment.put("CXONE_ACCESS_KEY_SECRET", "wrong-secret-value");
            TokenRequestRejectedException e = assertThrows(TokenRequestRejectedException.class,
                    () -> build.run(accessKeyLogin(server.baseUrl() + "/authentication/v1/token/access-key")));
            String message = e.getMessage();
            assertTrue(message.contains("was rejected: HTTP 401, error 'invalid_grant'"), message);
            assertTrue(message.contains("CXone did not accept the access key"), message);
            assertTrue(message.contains("settings.xml server 'cxone-access-key' (parameter accessKeyServerId"), message);
            assertTrue(message.contains("CXONE_ACCESS_KEY_ID / CXONE_ACCESS_KEY_SECRET"), message);
            assertTrue(message.contains("User > My Profile > Access Keys"), message);
            assertTrue(message.contains("dedicated employee profile"), message);
            assertFalse(message.contains("wrong-secret-value"), message);
        }
    }

    @Test
    void aMalformedAnswerToTheJsonLoginIsNotQuoted() throws Exception {
        String echo = new Gson().toJson(KEY_SECRET);
        try (ScriptedHttpServer server = new ScriptedHttpServer(
                json(400, "{\"error\":\"invalid_request\",\"error_description\":\"bad body " + echo.substring(1,
                        echo.length() - 1) + "\"}"))) {
            TestBuild build = withAccessKey();
            TokenRequestRejectedException e = assertThrows(TokenRequestRejectedException.class,
                    () -> build.run(accessKeyLogin(server.url("/authentication/v1/token/access-key"))));
            List<String> shown = new ArrayList<>(List.of(e.getMessage(), build.log.all()));
            for (String text : shown) {
                for (String form : forbidden()) {
                    assertFalse(text.contains(form), text);
                }
            }
            assertTrue(e.getMessage().contains("bad body ****"), e.getMessage());
        }
    }

    /** A registration made for client_secret_post: discovery lists only that, so basic is refused before sending. */
    @Test
    void aMethodTheDiscoveryDocumentDoesNotListIsRefusedBeforeAnySecretIsSent() throws Exception {
        try (StandInTokenServer server = standIn().cxoneClientAuth("post")) {
            TestBuild build = withAccessKey();
            build.servers.put("cxone", new ServerCredentials(APP_ID, Secret.of(APP_SECRET)));
            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> build.run(TestParameters.cxone(server.baseUrl()).with("clientAuth", "basic")));
            assertTrue(e.getMessage().contains("lists the client authentication methods [client_secret_post]"
                    + " (token_endpoint_auth_methods_supported), not client_secret_basic"), e.getMessage());
            assertEquals(0, server.tokenRequests(), "no secret was sent");
            TokenService.Outcome outcome = build.run(TestParameters.cxone(server.baseUrl())).outcome();
            assertTrue(server.issuedTokens().contains(outcome.token().value().reveal()), "post, the default, works");
        }
    }

    @Test
    void anInvalidClientHintSuggestsTheOtherMethod() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(json(401, "{\"error\":\"invalid_client\"}"))) {
            TestBuild build = withAccessKey();
            build.servers.put("cxone", new ServerCredentials(APP_ID, Secret.of(APP_SECRET)));
            TokenRequestRejectedException e = assertThrows(TokenRequestRejectedException.class, () -> build.run(
                    TestParameters.cxone(null).with("tokenUrl", server.url("/auth/token"))));
            assertTrue(e.getMessage().contains("They were sent as client_secret_post (clientAuth post); if the"
                    + " registration chose client_secret_basic, set clientAuth (cxtoken.clientAuth) to basic."),
                    e.getMessage());
        }
    }
}
