import dev.cxtoken.testing.KeycloakItSupport

// Both builds fetched a token with client_secret_post, their test found it active at Keycloak, and it was revoked.
KeycloakItSupport.assertLogCount(basedir, "Running it.KeycloakTokenTest", 2)
KeycloakItSupport.assertLogCount(basedir, "BUILD SUCCESS", 2)
KeycloakItSupport.assertLogCount(basedir, "Revoked 1 token(s) at the end of the build.", 2)
KeycloakItSupport.verifyBuilds(keycloakProperties, basedir,
        "Fetched oauth2 token from 127.0.0.1",
        "credentials from environment variables OAUTH_CLIENT_ID and OAUTH_CLIENT_SECRET",
        "Debug output (-X) is on")
return true
