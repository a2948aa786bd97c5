package dev.cxtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlsTest {
    @Test
    void userInformationIsMaskedUpToTheLastAt() {
        assertEquals("https://****@host/path", Urls.withoutUserInfo("https://user:pa/ss@host/path"));
        assertEquals("https://****@host", Urls.withoutUserInfo("https://user:p?a#s@s@host"));
        assertEquals("****@host:8080", Urls.withoutUserInfo("user:secret@host:8080"));
        assertEquals("https://host/path", Urls.withoutUserInfo("https://host/path"));
    }

    @Test
    void anInvalidUrlWithAPasswordHoldingASlashIsShownWithoutIt() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> Urls.checked("https://user:pa/ss@host/ bad", "tokenUrl", "", "https://a.example/t"));
        assertFalse(e.getMessage().contains("pa/ss") || e.getMessage().contains("ss@"), e.getMessage());
        assertTrue(e.getMessage().contains("'https://****@host/ bad'"), e.getMessage());
    }

    @Test
    void aServerMayNameLoopbackHttpOnlyWhenItIsItselfOnLoopbackHttp() throws Exception {
        URI remote = URI.create("https://cxone.example.com/.well-known/openid-configuration");
        URI local = URI.create("http://127.0.0.1:8080/.well-known/openid-configuration");
        for (String named : new String[] {"http://127.0.0.1:9999/token", "http://localhost/api"}) {
            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> Urls.checkedFromServer(named, "The token_endpoint", remote, "https://x.example/t"));
            assertTrue(e.getMessage().contains("uses plain http (named by " + remote + ")"), e.getMessage());
            assertEquals(named, Urls.checkedFromServer(named, "The token_endpoint", local, "x").toString());
        }
        assertEquals("https://api.example.com",
                Urls.checkedFromServer("https://api.example.com", "api", remote, "x").toString());
        assertThrows(InvalidConfigurationException.class,
                () -> Urls.checkedFromServer("http://api.example.com", "api", local, "x"));
    }
}
