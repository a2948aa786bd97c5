import dev.cxtoken.testing.ItSupport
import dev.cxtoken.testing.KeycloakItSupport

// Both builds presented their job token, and their test found the token active for the federated client.
KeycloakItSupport.assertLogCount(basedir, "Running it.KeycloakTokenTest", 2)
KeycloakItSupport.assertLogCount(basedir, "BUILD SUCCESS", 2)
ItSupport.assertLogContains(basedir,
        "Fetched oauth2 token from 127.0.0.1",
        "OAUTH_CLIENT_ASSERTION_FILE",
        "Debug output (-X) is on")
// The job tokens are in ci/ because the IT put them there; nowhere else.
KeycloakItSupport.assertNoSecrets(keycloakProperties, basedir, "ci/")
return true
