package dev.cxtoken.plugin;

import static dev.cxtoken.testing.ScriptedHttpServer.json;
import static dev.cxtoken.testing.ScriptedHttpServer.respond;
import static dev.cxtoken.testing.ScriptedHttpServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.testing.ScriptedHttpServer;
import dev.cxtoken.testing.TestBuild;
import dev.cxtoken.testing.TestParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The issuer parameter: RFC 8414 metadata, else OpenID discovery, checked before any credential is sent. */
class IssuerDiscoveryTest {
    private static String metadata(ScriptedHttpServer server, String issuer, String methods) {
        return "{\"issuer\":\"" + issuer + "\",\"token_endpoint\":\"" + server.url("/realms/ci/token")
                + "\",\"revocation_endpoint\":\"" + server.url("/realms/ci/revoke") + "\""
                + (methods == null ? "" : ",\"token_endpoint_auth_methods_supported\":" + methods) + "}";
    }

    private static TestBuild build() {
        TestBuild build = new TestBuild();
        build.environment.put("OAUTH_CLIENT_ID", "ci-client");
        build.environment.put("OAUTH_CLIENT_SECRET", TestBuild.SECRET);
        return build;
    }

    private static dev.cxtoken.plugin.Parameters issuer(String issuer) {
        return TestParameters.oauth2(null).with("issuer", issuer);
    }

    @Test
    void rfc8414FirstWithThePathInsertedThenOpenIdDiscoveryAndRevocationWhereItSays() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer()) {
            String issuer = server.url("/realms/ci");
            server.enqueue(respond(404, "text/html", "<h1>Not Found</h1>"),
                    json(200, metadata(server, issuer, "[\"client_secret_basic\",\"private_key_jwt\"]")),
                    token("issued", 3600), json(200, "{}"));
            TestBuild build = build();
            build.run(issuer(issuer));
            build.endBuild();
            List<ScriptedHttpServer.Recorded> requests = server.requests();
            assertEquals("/.well-known/oauth-authorization-server/realms/ci", requests.get(0).target);
            assertEquals("/realms/ci/.well-known/openid-configuration", requests.get(1).target);
            assertEquals("/realms/ci/token", requests.get(2).target);
            assertEquals("/realms/ci/revoke", requests.get(3).target);
            assertTrue(String.join("\n", build.log.lines).contains("revoked when the build ends"), build.log.lines.toString());
        }
    }

    @Test
    void discoveryIsReadOncePerBuildAndTokenUrlOverridesIt() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer()) {
            String issuer = server.url("/realms/ci");
            server.enqueue(json(200, metadata(server, issuer, null)), token("issued", 3600), token("other", 3600));
            TestBuild build = build();
            build.run(issuer(issuer));
            build.run(issuer(issuer).with("scopes", "other"));
            build.run(issuer(issuer).with("tokenUrl", server.url("/elsewhere")).with("scopes", "third"));
            List<ScriptedHttpServer.Recorded> requests = server.requests();
            assertEquals(4, requests.size(), "one discovery for three executions");
            assertEquals("/realms/ci/token", requests.get(2).target);
            assertEquals("/elsewhere", requests.get(3).target);
        }
    }

    @Test
    void aDocumentOfAnotherIssuerIsRefusedBeforeAnyCredentialIsSent() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer()) {
            server.enqueue(json(200, metadata(server, server.url("/realms/other"), null)));
            TestBuild build = build();
            CxTokenException e = assertThrows(CxTokenException.class, () -> build.run(issuer(server.url("/realms/ci"))));
            assertTrue(e.getMessage().contains("names the issuer '" + server.url("/realms/other") + "', not "
                    + server.url("/realms/ci")), e.getMessage());
            assertTrue(e.getMessage().contains("Nothing was sent. Check issuer (cxtoken.issuer)"), e.getMessage());
            assertEquals(1, server.requests().size());
        }
    }

    @Test
    void aTrailingSlashIsAnotherIssuer() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer()) {
            server.enqueue(json(200, metadata(server, server.url("/realms/ci"), null)));
            CxTokenException e = assertThrows(CxTokenException.class,
                    () -> build().run(issuer(server.url("/realms/ci/"))));
            assertTrue(e.getMessage().contains("character for character"), e.getMessage());
        }
    }

    @Test
    void aRemoteHttpUrlInTheDocumentIsRefused() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer()) {
            String issuer = server.url("/realms/ci");
            server.enqueue(json(200, "{\"issuer\":\"" + issuer + "\",\"token_endpoint\":\"http://auth.example.com/token\"}"));
            CxTokenException e = assertThrows(CxTokenException.class, () -> build().run(issuer(issuer)));
            assertTrue(e.getMessage().contains("The token_endpoint 'http://auth.example.com/token' uses plain http to a"
                    + " host that is not loopback"), e.getMessage());
            assertTrue(e.isUserFixable());
            assertEquals(1, server.requests().size());
        }
    }

    @Test
    void aMethodTheServerDoesNotListIsRefusedNamingThoseItLists() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer()) {
            String issuer = server.url("/realms/ci");
            server.enqueue(json(200, metadata(server, issuer, "[\"client_secret_basic\",\"tls_client_auth\"]")));
            TestBuild build = build();
            build.environment.put("OAUTH_CLIENT_ASSERTION", dev.cxtoken.testing.TestKeys.ciToken("s", "a", 300));
            CxTokenException e = assertThrows(CxTokenException.class,
                    () -> build.run(issuer(issuer).with("clientAuth", "federated")));
            assertTrue(e.getMessage().contains("lists the client authentication methods [client_secret_basic,"
                    + " tls_client_auth] (token_endpoint_auth_methods_supported), not private_key_jwt, which clientAuth"
                    + " (cxtoken.clientAuth) 'federated' sends."), e.getMessage());
            assertEquals(1, server.requests().size());
        }
    }

    @Test
    void noDocumentAtEitherPlaceNamesBoth() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(respond(404, "text/html", "<h1>Not Found</h1>"))) {
            CxTokenException e = assertThrows(CxTokenException.class,
                    () -> build().run(issuer(server.url("/realms/ci"))));
            assertTrue(e.getMessage().startsWith("No metadata document for the issuer " + server.url("/realms/ci")
                    + ": " + server.url("/.well-known/oauth-authorization-server/realms/ci") + " answered HTTP 404"),
                    e.getMessage());
            assertTrue(e.getMessage().contains(server.url("/realms/ci/.well-known/openid-configuration")
                    + " answered HTTP 404"), e.getMessage());
            assertEquals(2, server.requests().size());
        }
    }
}
