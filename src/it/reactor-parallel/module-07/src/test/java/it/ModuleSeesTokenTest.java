package it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModuleSeesTokenTest {
    @Test
    void receivesTheBuildsToken() {
        String token = System.getProperty("cx.token");
        assertTrue(token != null && token.startsWith("standin-"), "no token received");
    }
}
