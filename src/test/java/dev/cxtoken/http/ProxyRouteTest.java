package dev.cxtoken.http;

import static dev.cxtoken.testing.ScriptedHttpServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.TokenEndpointException;
import dev.cxtoken.TokenRequestRejectedException;
import dev.cxtoken.CxTokenException;
import dev.cxtoken.Secret;
import dev.cxtoken.oauth.AccessToken;
import dev.cxtoken.oauth.ClientAuthentications;
import dev.cxtoken.testing.RecordingLog;
import dev.cxtoken.testing.TestBuild;
import dev.cxtoken.testing.TestParameters;
import dev.cxtoken.testing.ChildJvm;
import dev.cxtoken.testing.RecordingProxy;
import dev.cxtoken.testing.ScriptedHttpServer;
import dev.cxtoken.testing.TestDns;
import dev.cxtoken.testing.TestPki;
import dev.cxtoken.testing.TlsFront;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Token requests through a real forwarding proxy on loopback that records what passes through it. The endpoint is
 * {@code https://token.example.test}, a name only the proxy can resolve: the client's own resolver knows no names,
 * so a request that reaches the endpoint must have gone through the proxy.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProxyRouteTest {
    private static final String TOKEN_URL = "https://" + TestPki.TEST_HOST + "/oauth2/token";
    private static final String TOKEN = "tok-via-proxy-5f1c";
    private static TestPki pki;

    private final RecordingLog log = new RecordingLog();
    private ScriptedHttpServer server;
    private TlsFront front;
    private RecordingProxy proxy;

    @BeforeAll
    static void makeCertificates() throws Exception {
        pki = TestPki.shared();
    }

    @BeforeEach
    void startServers() throws Exception {
        server = new ScriptedHttpServer(token(TOKEN, 3600));
        front = new TlsFront(pki.serverContext(), server.port());
    }

    @AfterEach
    void stopServers() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        front.close();
        server.close();
    }

    private RecordingProxy proxy(String user, String password) throws IOException {
        proxy = new RecordingProxy(user, password).route(TestPki.TEST_HOST, 443, front.port());
        return proxy;
    }

    private AccessToken fetch(String tokenUrl, ProxyRoute route, TestDns dns) throws CxTokenException, IOException {
        return TestClients.fetch(TestParameters.oauth2(tokenUrl).with("timeout", "20"), log, route,
                pki.clientContext(), dns);
    }

    /** The secret in the forms the request carries it: raw, form-encoded, and inside the Basic header. */
    private static List<String> secretForms() {
        String encoded = ClientAuthentications.formEncode(TestBuild.SECRET);
        String pair = ClientAuthentications.formEncode(TestBuild.CLIENT_ID) + ":" + encoded;
        return List.of(TestBuild.SECRET, encoded, encoded.replace("+", "%20"),
                Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    private static ProxyRoute settingsProxy(RecordingProxy proxy, String user, String password, String nonProxyHosts) {
        return ProxyRoute.of("settings.xml proxy 'corp'", "127.0.0.1", proxy.port(), user,
                password == null ? null : Secret.of(password), nonProxyHosts);
    }

    /** Neither the secret in any form, nor the Basic header, nor the token crossed the proxy in the clear. */
    private void assertProxySawNoSecrets() {
        String seen = proxy.relayedBytes() + proxy.exchanges().stream()
                .map(x -> x.request.target + x.request.headers).reduce("", String::concat);
        assertFalse(secretForms().isEmpty());
        for (String secret : secretForms()) {
            assertFalse(seen.contains(secret), "the proxy saw a form of the client secret or the Basic header");
        }
        assertFalse(seen.contains(TOKEN), "the proxy saw the token");
    }

    @Test
    void settingsProxyCarriesTheRequestThroughATunnelAndSeesOnlyCiphertext() throws Exception {
        proxy(null, null);
        AccessToken token = fetch(TOKEN_URL, settingsProxy(proxy, null, null, null), new TestDns());
        assertEquals(TOKEN, token.value().reveal());
        List<RecordingProxy.Exchange> exchanges = proxy.exchanges();
        assertEquals(1, exchanges.size(), exchanges.toString());
        assertEquals("CONNECT", exchanges.get(0).request.method);
        assertEquals(TestPki.TEST_HOST + ":443", exchanges.get(0).request.target);
        assertNull(exchanges.get(0).request.header("authorization"), "the client's credentials stay inside the tunnel");
        assertEquals(1, server.requests().size());
        assertEquals("/oauth2/token", server.requests().get(0).target);
        assertTrue(proxy.relayedBytes().length() > 500, "the TLS exchange passed through the proxy");
        assertProxySawNoSecrets();
    }

    @Test
    void proxyAuthenticationAnswersTheChallengeWithTheConfiguredCredentials() throws Exception {
        proxy("proxy-user", "proxy-pässword");
        AccessToken token = fetch(TOKEN_URL, settingsProxy(proxy, "proxy-user", "proxy-pässword", null),
                new TestDns());
        assertEquals(TOKEN, token.value().reveal());
        List<RecordingProxy.Exchange> exchanges = proxy.exchanges();
        assertEquals(2, exchanges.size(), exchanges.toString());
        assertEquals(407, exchanges.get(0).status);
        assertNull(exchanges.get(0).request.header("proxy-authorization"),
                "credentials go only where a challenge asks");
        assertEquals(200, exchanges.get(1).status);
        String proxyAuthorization = Base64.getEncoder().encodeToString(
                "proxy-user:proxy-pässword".getBytes(StandardCharsets.UTF_8));
        assertEquals("Basic " + proxyAuthorization, exchanges.get(1).request.header("proxy-authorization"));
        assertProxySawNoSecrets();
        // HttpClient logs at debug here, as under mvn -X: the proxy password must not be among its lines.
        String debugLog = Files.readString(Paths.get("target", "httpclient-debug.log"), StandardCharsets.UTF_8);
        assertTrue(debugLog.contains("Basic{realm=recording-proxy}"), "HttpClient logged nothing of the challenge");
        assertFalse(debugLog.contains(proxyAuthorization) || debugLog.contains("proxy-pässword"));
    }

    @Test
    void wrongProxyPasswordFailsAtOnceNamingTheProxyAndWhatToCheck() throws Exception {
        proxy("proxy-user", "right");
        TokenRequestRejectedException e = assertThrows(TokenRequestRejectedException.class,
                () -> fetch(TOKEN_URL, settingsProxy(proxy, "proxy-user", "wrong-pw-1234", null), new TestDns()));
        String message = e.getMessage();
        assertTrue(message.contains("the proxy 127.0.0.1:" + proxy.port() + " (settings.xml proxy 'corp')"), message);
        assertTrue(message.contains("HTTP 407"), message);
        assertTrue(message.contains("instead of opening a tunnel to " + TestPki.TEST_HOST), message);
        assertTrue(message.contains("did not accept the username and password of settings.xml proxy 'corp'"),
                message);
        assertFalse(message.contains("wrong-pw-1234"), message);
        assertEquals(2, proxy.exchanges().size(), "one challenge, one answer, no retry: " + proxy.exchanges());
        assertTrue(server.requests().isEmpty());
    }

    /** A proxy whose 407 page quotes the Proxy-Authorization it got: the proxy's password is scrubbed too. */
    @Test
    void aProxyEchoingItsCredentialsDoesNotPrintThem() throws Exception {
        proxy("proxy-user", "right").echoingCredentials();
        String password = "Wr0ng-proxy-pw";
        TokenRequestRejectedException e = assertThrows(TokenRequestRejectedException.class,
                () -> fetch(TOKEN_URL, settingsProxy(proxy, "proxy-user", password, null), new TestDns()));
        String message = e.getMessage();
        String basic = Base64.getEncoder().encodeToString(("proxy-user:" + password).getBytes(StandardCharsets.UTF_8));
        assertTrue(message.contains("HTTP 407") && message.contains("Wrong credentials"), message);
        assertTrue(message.contains("****"), "the echo is in the message, masked: " + message);
        assertFalse(message.contains(password), message);
        assertFalse(message.contains(basic), message);
    }

    /** A proxy host that does not resolve is named as the proxy, not taken for the endpoint's host. */
    @Test
    void anUnresolvableProxyHostIsNamedAsTheProxy() throws Exception {
        TokenEndpointException e = assertThrows(TokenEndpointException.class, () -> fetch(TOKEN_URL,
                ProxyRoute.of("settings.xml proxy 'corp'", "no-such-proxy.invalid", 3128, null, null, null),
                new TestDns()));
        assertTrue(e.getMessage().contains("the proxy host name no-such-proxy.invalid (settings.xml proxy 'corp')"
                + " cannot be resolved"), e.getMessage());
        assertFalse(e.getMessage().contains("the host name " + TestPki.TEST_HOST), e.getMessage());
    }

    @Test
    void proxyThatNeedsCredentialsNobodyConfiguredSaysWhereToAddThem() throws Exception {
        proxy("proxy-user", "right");
        TokenRequestRejectedException e = assertThrows(TokenRequestRejectedException.class,
                () -> fetch(TOKEN_URL, settingsProxy(proxy, null, null, null), new TestDns()));
        assertTrue(e.getMessage().contains("add <username> and <password> to settings.xml proxy 'corp'"),
                e.getMessage());
    }

    @Test
    void proxyThatRefusesTheHostIsNotMistakenForTheTokenEndpoint() throws Exception {
        proxy = new RecordingProxy(); // knows no route: answers 502 to every CONNECT
        TokenEndpointException e = assertThrows(TokenEndpointException.class,
                () -> fetch(TOKEN_URL, settingsProxy(proxy, null, null, null), new TestDns()));
        assertTrue(e.getMessage().contains("(settings.xml proxy 'corp') answered HTTP 502"), e.getMessage());
        assertEquals(4, proxy.exchanges().size(), "a proxy's gateway error is retried like the endpoint's");
    }

    @Test
    void unreachableProxyIsNamedAsTheProxy() throws Exception {
        proxy(null, null);
        int port = proxy.port();
        proxy.close();
        TokenEndpointException e = assertThrows(TokenEndpointException.class, () -> fetch(TOKEN_URL,
                ProxyRoute.of("settings.xml proxy 'corp'", "127.0.0.1", port, null, null, null), new TestDns()));
        assertTrue(e.getMessage().contains("connection to the proxy 127.0.0.1:" + port
                + " (settings.xml proxy 'corp') refused"), e.getMessage());
    }

    @Test
    void nonProxyHostsGoDirect() throws Exception {
        proxy(null, null);
        String direct = "https://" + TestPki.TEST_HOST + ":" + front.port() + "/oauth2/token";
        AccessToken token = fetch(direct, settingsProxy(proxy, null, null, "localhost|*.EXAMPLE.test"),
                new TestDns(TestPki.TEST_HOST));
        assertEquals(TOKEN, token.value().reveal());
        assertTrue(proxy.exchanges().isEmpty(), proxy.exchanges().toString());
        assertEquals(1, server.requests().size());
    }

    @Test
    void nonProxyHostsFollowMavenSyntax() {
        ProxyRoute route = ProxyRoute.of("settings.xml proxy 'corp'", "proxy.corp", 3128, null, null,
                " *.internal.corp | login.mypurecloud.* ,10.1.*|Exact.Host ");
        assertTrue(route.bypasses("auth.internal.corp"));
        assertTrue(route.bypasses("login.mypurecloud.ie"));
        assertTrue(route.bypasses("10.1.2.3"));
        assertTrue(route.bypasses("exact.host"));
        assertFalse(route.bypasses("internal.corp"), "*.internal.corp needs a label before the dot");
        assertFalse(route.bypasses("login.mypurecloud-ie.evil.com.example"));
        assertFalse(route.bypasses("exact.host.example"));
        assertFalse(route.bypasses("api.mypurecloud.ie"));
        assertTrue(route.bypasses("127.0.0.1") && route.bypasses("localhost") && route.bypasses("[::1]"),
                "loopback always goes direct");
    }

    @Test
    void plainHttpToLoopbackNeverPassesThroughAProxy() throws Exception {
        proxy(null, null).route("127.0.0.1", server.port(), server.port());
        String plain = server.url("/oauth2/token");
        ProxySelector everythingViaProxy = selector(proxy, new CopyOnWriteArrayList<>());
        for (ProxyRoute route : List.of(settingsProxy(proxy, null, null, null),
                ProxyRoute.jvmDefault(everythingViaProxy))) {
            assertEquals(TOKEN, fetch(plain, route, new TestDns()).value().reveal());
        }
        assertTrue(proxy.exchanges().isEmpty(), proxy.exchanges().toString());
        assertEquals(2, server.requests().size());

        // What the proxy would have seen, had a client sent it the same request: everything, in the clear.
        HttpURLConnection connection = (HttpURLConnection) new URL(plain)
                .openConnection(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", proxy.port())));
        connection.setDoOutput(true);
        connection.setRequestProperty("Authorization", "Basic c2VlbjpieS1wcm94eQ==");
        try (OutputStream out = connection.getOutputStream()) {
            out.write("grant_type=client_credentials".getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals(200, connection.getResponseCode());
        connection.disconnect();
        assertEquals("Basic c2VlbjpieS1wcm94eQ==", proxy.exchanges().get(0).request.header("authorization"));
        assertTrue(proxy.relayedBytes().contains(TOKEN), "a plain-http token passes a proxy in the clear");
    }

    @Test
    void jvmProxySelectorIsConsultedForTheTokenEndpoint() throws Exception {
        proxy(null, null);
        List<URI> asked = new CopyOnWriteArrayList<>();
        AccessToken token = fetch(TOKEN_URL, ProxyRoute.jvmDefault(selector(proxy, asked)), new TestDns());
        assertEquals(TOKEN, token.value().reveal());
        assertEquals(List.of(URI.create("https://" + TestPki.TEST_HOST)), asked);
        assertEquals("CONNECT", proxy.exchanges().get(0).request.method);
    }

    @Test
    void jvmProxyWithoutCredentialsExplainsThatSettingsXmlIsTheWayToGiveThem() throws Exception {
        proxy("proxy-user", "right");
        TokenRequestRejectedException e = assertThrows(TokenRequestRejectedException.class,
                () -> fetch(TOKEN_URL, ProxyRoute.jvmDefault(selector(proxy, new CopyOnWriteArrayList<>())),
                        new TestDns()));
        assertTrue(e.getMessage().contains("the proxy 127.0.0.1:" + proxy.port()
                + " (JVM proxy settings such as https.proxyHost) answered HTTP 407"),
                e.getMessage());
        assertTrue(e.getMessage().contains("declare the proxy in settings.xml <proxies>"), e.getMessage());
    }

    @Test
    void httpsProxyHostSystemPropertyWorksInAFreshJvm() throws Exception {
        proxy(null, null);
        ChildJvm.Result result = ChildJvm.run(DefaultTransportFetch.class, List.of(
                "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=" + proxy.port(),
                "-Djavax.net.ssl.trustStore=" + pki.trustStore(),
                "-Djavax.net.ssl.trustStorePassword=" + TestPki.PASSWORD, "-Djavax.net.ssl.trustStoreType=PKCS12"),
                TOKEN_URL);
        assertEquals(0, result.exitCode, result.toString());
        assertEquals(1, proxy.exchanges().size(), proxy.exchanges().toString());
        assertEquals("CONNECT", proxy.exchanges().get(0).request.method);
        assertEquals(TestPki.TEST_HOST + ":443", proxy.exchanges().get(0).request.target);
        assertEquals(1, server.requests().size());
    }

    @Test
    void toStringAndDescriptionShowNoPassword() {
        ProxyRoute route = ProxyRoute.of("settings.xml proxy 'corp'", "proxy.corp", 3128, "alice",
                Secret.of("pw-SECRET-123"), null);
        assertEquals("ProxyRoute{proxy proxy.corp:3128 as alice}", route.toString());
        assertFalse(route.describe().contains("pw-SECRET-123"));
        assertFalse(route.authenticationAdvice().contains("pw-SECRET-123"));
    }

    /** A selector that sends every request to the proxy and notes what it was asked about. */
    private static ProxySelector selector(RecordingProxy proxy, List<URI> asked) {
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                asked.add(uri);
                return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", proxy.port())));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {}
        };
    }
}
