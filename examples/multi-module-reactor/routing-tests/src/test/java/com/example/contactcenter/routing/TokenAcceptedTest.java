package com.example.contactcenter.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.contactcenter.api.GenesysApi;
import org.junit.jupiter.api.Test;

class TokenAcceptedTest {
    @Test
    void theBuildsTokenIsAccepted() throws Exception {
        assertEquals(200, GenesysApi.fromSystemProperties().get("/api/v2/tokens/me").statusCode());
    }
}
