import dev.cxtoken.testing.ItSupport
import dev.cxtoken.testing.KeycloakItSupport

// Each build's token was active during the build (its test) and is inactive after it: the plugin revoked it.
KeycloakItSupport.assertLogCount(basedir, "Running it.KeycloakTokenTest", 2)
KeycloakItSupport.assertLogCount(basedir, "BUILD SUCCESS", 2)
KeycloakItSupport.assertLogCount(basedir, "Revoked 1 token(s) at the end of the build.", 2)
KeycloakItSupport.assertRevoked(keycloakProperties, basedir, "target/kc-tokens", 2)
ItSupport.assertLogContains(basedir,
        "Fetched oauth2 token from 127.0.0.1",
        "Debug output (-X) is on")
// The saved tokens are in target/kc-tokens because the IT put them there (revoked by now); nowhere else.
KeycloakItSupport.assertNoSecrets(keycloakProperties, basedir, "target/kc-tokens")
return true
