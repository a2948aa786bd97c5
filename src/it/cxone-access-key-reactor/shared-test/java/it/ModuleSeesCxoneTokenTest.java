package it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModuleSeesCxoneTokenTest {
    @Test
    void receivesTheBuildsTokenAndApiBaseUrl() {
        String token = System.getProperty("cx.token");
        String apiBaseUrl = System.getProperty("cx.token.apiBaseUrl");
        assertTrue(token != null && token.startsWith("standin-cxone-"), "no CXone token received");
        assertTrue(apiBaseUrl != null && apiBaseUrl.endsWith("/cxone-api"), "no API base URL received");
    }
}
