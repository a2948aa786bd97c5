import dev.cxtoken.testing.KeycloakItSupport

// Four builds (PKCS#12, then encrypted PEM; each also with -X) signed assertions Keycloak took, their test found the
// token active, and each token was revoked with a new assertion.
KeycloakItSupport.assertLogCount(basedir, "Running it.KeycloakTokenTest", 4)
KeycloakItSupport.assertLogCount(basedir, "BUILD SUCCESS", 4)
KeycloakItSupport.assertLogCount(basedir, "Revoked 1 token(s) at the end of the build.", 4)
KeycloakItSupport.verifyBuilds(keycloakProperties, basedir,
        "Fetched oauth2 token from 127.0.0.1",
        "settings.xml server 'kc-jwt-rsa-p12'",
        "settings.xml server 'kc-jwt-rsa-pem'",
        "Debug output (-X) is on")
return true
