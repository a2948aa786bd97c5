package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OrgTest {
    @Test
    void theBuildPublishedTheOrg() {
        assertEquals("stand-in-org", System.getProperty("cx.token.organizationId"));
        assertEquals("Stand-in org", System.getProperty("cx.token.organizationName"));
    }
}
