import dev.cxtoken.testing.ItSupport
import dev.cxtoken.testing.KeycloakItSupport

// Both builds asked the runner's endpoint for a job token, their test found the token active, and each build revoked
// its token with another fresh job token (the first one cannot be presented twice).
KeycloakItSupport.assertLogCount(basedir, "Running it.KeycloakTokenTest", 2)
KeycloakItSupport.assertLogCount(basedir, "BUILD SUCCESS", 2)
def asked = KeycloakItSupport.githubRequests(keycloakProperties) - context.get("githubRequestsBefore")
if (asked < 4) {
    throw new AssertionError("The builds asked the GitHub-style endpoint " + asked + " time(s), not at least twice each")
}
KeycloakItSupport.assertLogCount(basedir, "Revoked 1 token(s) at the end of the build.", 2)
KeycloakItSupport.assertRevoked(keycloakProperties, basedir, "target/kc-tokens", 2)
ItSupport.assertLogContains(basedir,
        "Fetched oauth2 token from 127.0.0.1",
        "ACTIONS_ID_TOKEN_REQUEST_URL",
        "Debug output (-X) is on")
KeycloakItSupport.assertNoSecrets(keycloakProperties, basedir, "target/kc-tokens")
return true
