package dev.cxtoken.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Malformed configurations fail in {@link FetchConfiguration.Builder#build()}, before anything is sent. */
class FetchConfigurationTest {
    private static final String URL = "https://auth.example.com/oauth2/token";

    private static final class BadInput {
        final String name;
        final UnaryOperator<FetchConfiguration.Builder> change;
        final String[] expected;

        BadInput(String name, UnaryOperator<FetchConfiguration.Builder> change, String... expected) {
            this.name = name;
            this.change = change;
            this.expected = expected;
        }
    }

    static List<BadInput> badInputs() {
        return Arrays.asList(
                new BadInput("unknown provider", b -> b.provider("okta"), "Unknown provider 'okta'", "cxtoken.provider"),
                new BadInput("cxone issuer over http to a remote host",
                        b -> b.provider("cxone").tokenUrl(null).environment("http://cxone.niceincontact.com"),
                        "CXone issuer", "not loopback", "cxtoken.environment"),
                new BadInput("cxone issuer with a query", b -> b.provider("cxone").tokenUrl(null)
                        .environment("https://cxone.niceincontact.com/?tenant=1"), "must not contain a query",
                        "cxtoken.environment"),
                new BadInput("cxone issuer that is not a URL", b -> b.provider("cxone").tokenUrl(null)
                        .environment("cxone niceincontact com"), "CXone issuer", "not a valid URL"),
                new BadInput("access key secret variable name that is a value",
                        b -> b.provider("cxone").accessKeySecretEnv("Zm9v+YmFy="), "not an environment variable name",
                        "cxtoken.accessKeySecretEnv"),
                new BadInput("access key id variable name with a dash", b -> b.accessKeyIdEnv("CXONE-KEY"),
                        "cxtoken.accessKeyIdEnv"),
                new BadInput("access key server id with spaces", b -> b.accessKeyServerId("cxone key"),
                        "cxtoken.accessKeyServerId"),
                new BadInput("unknown environment", b -> b.provider("genesys").tokenUrl(null).environment("mypurecloud.co"),
                        "Unknown Genesys Cloud environment", "Did you mean 'mypurecloud.com'?"),
                new BadInput("oauth2 without tokenUrl", b -> b.tokenUrl(null), "needs the token endpoint", "cxtoken.tokenUrl"),
                new BadInput("relative tokenUrl", b -> b.tokenUrl("/oauth/token"), "not an absolute URL", "cxtoken.tokenUrl"),
                new BadInput("malformed tokenUrl", b -> b.tokenUrl("https://exa mple.com/token"), "not a valid URL"),
                new BadInput("http to a remote host", b -> b.tokenUrl("http://auth.example.com/token"),
                        "plain http to a host that is not loopback"),
                new BadInput("http to a lookalike host", b -> b.tokenUrl("http://127.0.0.1.example.com/token"),
                        "not loopback"),
                new BadInput("ftp scheme", b -> b.tokenUrl("ftp://auth.example.com/token"), "scheme 'ftp'"),
                new BadInput("userinfo in tokenUrl", b -> b.tokenUrl("https://id:secret@auth.example.com/token"),
                        "must not contain user information"),
                new BadInput("negative timeout", b -> b.timeout("-5"), "timeout (property cxtoken.timeout) is -5"),
                new BadInput("zero timeout", b -> b.timeout("0"), "cxtoken.timeout", "out of range"),
                new BadInput("non-numeric timeout", b -> b.timeout("60s"), "cxtoken.timeout", "not a number"),
                new BadInput("zero attempts", b -> b.maxAttempts("0"), "cxtoken.maxAttempts", "from 1 to 20"),
                new BadInput("non-numeric attempts", b -> b.maxAttempts("four"), "cxtoken.maxAttempts"),
                new BadInput("non-numeric connectTimeout", b -> b.connectTimeout("ten"), "cxtoken.connectTimeout"),
                new BadInput("zero responseTimeout", b -> b.responseTimeout("0"), "cxtoken.responseTimeout"),
                new BadInput("non-numeric minValidity", b -> b.minValidity("5m"), "cxtoken.minValidity", "not a number"),
                new BadInput("negative minValidity", b -> b.minValidity("-1"), "cxtoken.minValidity"),
                new BadInput("scope with a quote", b -> b.scopes("read \"write\""), "Scope '\"write\"'", "cxtoken.scopes"),
                new BadInput("scope with non-ASCII", b -> b.scopes("lecture:é"), "cxtoken.scopes"),
                new BadInput("unknown clientAuth", b -> b.clientAuth("jwt"), "Unknown clientAuth 'jwt'", "cxtoken.clientAuth"),
                new BadInput("empty tokenProperty", b -> b.tokenProperty(" "), "tokenProperty", "is empty"),
                new BadInput("tokenProperty with spaces", b -> b.tokenProperty("cx token"), "cxtoken.tokenProperty",
                        "white space"),
                new BadInput("secret variable name that is a value", b -> b.clientSecretEnv("abc-123=="),
                        "not an environment variable name", "cxtoken.clientSecretEnv"),
                new BadInput("reserved extra parameter", b -> b.parameters(map("client_secret", "x")),
                        "set by the plugin itself"),
                new BadInput("extra parameter without value", b -> b.parameters(map("audience", null)), "has no value"),
                new BadInput("server id with spaces", b -> b.serverId("my server"), "cxtoken.serverId"));
    }

    private static Map<String, String> map(String key, String value) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }

    @Test
    void everyBadInputFailsWithAMessageNamingIt() {
        List<BadInput> inputs = badInputs();
        assertTrue(inputs.size() >= 20);
        for (BadInput input : inputs) {
            FetchConfiguration.Builder builder = input.change.apply(Fixtures.oauth2(URL));
            InvalidConfigurationException e =
                    assertThrows(InvalidConfigurationException.class, builder::build, input.name);
            for (String expected : input.expected) {
                assertTrue(e.getMessage().contains(expected), input.name + ": " + e.getMessage());
            }
        }
    }

    @Test
    void defaultsMatchTheDocumentedContract() throws Exception {
        FetchConfiguration config = FetchConfiguration.builder().build();
        assertEquals(Provider.GENESYS, config.provider());
        assertEquals("https://login.mypurecloud.com/oauth/token", config.endpoint().tokenUri().toString());
        assertEquals("genesys", config.serverId());
        assertEquals("GENESYS_CLIENT_ID", config.clientIdEnv());
        assertEquals("GENESYS_CLIENT_SECRET", config.clientSecretEnv());
        assertEquals(Collections.emptyList(), config.scopes());
        assertEquals(ClientAuthentication.BASIC, config.clientAuthentication());
        assertEquals("cx.token", config.tokenProperty());
        assertEquals(300, config.minValidity().getSeconds());
        assertEquals(60, config.httpSettings().timeout().getSeconds());
        assertEquals(4, config.httpSettings().maxAttempts());
        assertEquals(10, config.httpSettings().connectTimeout().getSeconds());
        assertEquals(20, config.httpSettings().responseTimeout().getSeconds());
        FetchConfiguration oauth2 = Fixtures.oauth2(URL).build();
        assertEquals("oauth2", oauth2.serverId());
        assertEquals("OAUTH_CLIENT_ID", oauth2.clientIdEnv());
        assertEquals("OAUTH_CLIENT_SECRET", oauth2.clientSecretEnv());
    }

    @Test
    void cxoneDefaultsAndIssuerSpellings() throws Exception {
        FetchConfiguration config = FetchConfiguration.builder().provider("cxone").build();
        assertEquals(Provider.CXONE, config.provider());
        assertEquals("https://cxone.niceincontact.com", config.endpoint().issuer().toString());
        assertTrue(config.endpoint().needsDiscovery());
        assertEquals("cxone.niceincontact.com", config.endpoint().hostForDisplay());
        assertEquals("cxone", config.serverId());
        assertEquals("CXONE_CLIENT_ID", config.clientIdEnv());
        assertEquals("CXONE_CLIENT_SECRET", config.clientSecretEnv());
        assertEquals("cxone-access-key", config.accessKeyServerId());
        assertEquals("CXONE_ACCESS_KEY_ID", config.accessKeyIdEnv());
        assertEquals("CXONE_ACCESS_KEY_SECRET", config.accessKeySecretEnv());
        String[][] spellings = {
            {"cxone-gov.niceincontact.com", "https://cxone-gov.niceincontact.com"},
            {" https://nicecxone-sov1.eu/ ", "https://nicecxone-sov1.eu"},
            {"https://issuer.example.com/tenant-path/", "https://issuer.example.com/tenant-path"},
            {"http://127.0.0.1:8080", "http://127.0.0.1:8080"},
        };
        for (String[] spelling : spellings) {
            assertEquals(spelling[1], FetchConfiguration.builder().provider("cxone").environment(spelling[0]).build()
                    .endpoint().issuer().toString(), spelling[0]);
        }
        FetchConfiguration explicit = FetchConfiguration.builder().provider("CXone")
                .tokenUrl("https://cxone.niceincontact.com/auth/token").build();
        assertEquals("https://cxone.niceincontact.com/auth/token", explicit.endpoint().tokenUri().toString());
        assertTrue(!explicit.endpoint().needsDiscovery());
    }

    @Test
    void loopbackHttpIsAllowed() throws Exception {
        for (String url : new String[] {"http://localhost:8080/t", "http://127.0.0.1/t", "http://127.10.20.30:1/t",
                "http://[::1]:9/t"}) {
            assertEquals(url, Fixtures.oauth2(url).build().endpoint().tokenUri().toString());
        }
    }

    @Test
    void scopesAreSplitOnSpacesAndCommas() throws Exception {
        assertEquals(Arrays.asList("a", "b:c", "d"), Fixtures.oauth2(URL).scopes(" a, b:c  d,a ").build().scopes());
    }
}
