import dev.cxtoken.testing.KeycloakItSupport

// Both builds signed ES256 assertions Keycloak took, their test found the token active, and it was revoked.
KeycloakItSupport.assertLogCount(basedir, "Running it.KeycloakTokenTest", 2)
KeycloakItSupport.assertLogCount(basedir, "BUILD SUCCESS", 2)
KeycloakItSupport.assertLogCount(basedir, "Revoked 1 token(s) at the end of the build.", 2)
KeycloakItSupport.verifyBuilds(keycloakProperties, basedir,
        "Fetched oauth2 token from 127.0.0.1",
        "OAUTH_CLIENT_KEY",
        "Debug output (-X) is on")
return true
