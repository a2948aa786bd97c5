import dev.cxtoken.testing.KeycloakItSupport

// Both builds found the endpoints from the issuer alone, their test found the token active, and it was revoked
// at the discovered revocation endpoint.
KeycloakItSupport.assertLogCount(basedir, "Running it.KeycloakTokenTest", 2)
KeycloakItSupport.assertLogCount(basedir, "BUILD SUCCESS", 2)
KeycloakItSupport.assertLogCount(basedir, "Revoked 1 token(s) at the end of the build.", 2)
KeycloakItSupport.verifyBuilds(keycloakProperties, basedir,
        "Fetched oauth2 token from 127.0.0.1",
        "credentials from settings.xml server 'kc-secret-basic'",
        "Debug output (-X) is on")
return true
