import dev.cxtoken.testing.ItSupport
import dev.cxtoken.testing.KeycloakItSupport

// Keycloak refused the job tokens older than 300 s; the plugin's hint says Keycloak refuses those.
KeycloakItSupport.assertLogCount(basedir, "BUILD FAILURE", 2)
ItSupport.assertLogContains(basedir,
        "Token was issued too far in the past to be used now",
        "issued more than 5 minutes earlier",
        "Debug output (-X) is on")
KeycloakItSupport.assertNoSecrets(keycloakProperties, basedir, "ci/")
return true
