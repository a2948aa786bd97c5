import dev.cxtoken.testing.ItSupport
import dev.cxtoken.testing.KeycloakItSupport

// Both builds presented their job token, and their test found the token active for the federated client. A job token
// from a variable or a file can be presented once only, so the plugin neither renews nor revokes with it.
KeycloakItSupport.assertLogCount(basedir, "Running it.KeycloakTokenTest", 2)
KeycloakItSupport.assertLogCount(basedir, "BUILD SUCCESS", 2)
ItSupport.assertLogContains(basedir,
        "Fetched oauth2 token from 127.0.0.1",
        "OAUTH_CLIENT_ASSERTION_FILE",
        "revocation skipped: the CI token from file named by OAUTH_CLIENT_ASSERTION_FILE cannot be presented twice",
        "Debug output (-X) is on")
// The job tokens are in ci/ because the IT put them there; nowhere else.
KeycloakItSupport.assertNoSecrets(keycloakProperties, basedir, "ci/")
return true
