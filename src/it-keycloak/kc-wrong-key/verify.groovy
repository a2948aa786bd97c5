import dev.cxtoken.testing.KeycloakItSupport

// Keycloak refused the assertion signed with a key it does not hold for the client; the plugin says what to check.
KeycloakItSupport.assertLogCount(basedir, "BUILD FAILURE", 2)
KeycloakItSupport.verifyBuilds(keycloakProperties, basedir,
        "invalid_client",
        "Signature on JWT token failed validation",
        "The server did not accept the assertion signed with the key from",
        "Debug output (-X) is on")
return true
