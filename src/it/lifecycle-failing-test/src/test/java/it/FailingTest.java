package it;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

class FailingTest {
    @Test
    void failsOnPurpose() {
        System.out.println("Token file: " + System.getProperty("cx.token.file"));
        fail("this test fails so that the IT can check that the token is revoked anyway");
    }
}
