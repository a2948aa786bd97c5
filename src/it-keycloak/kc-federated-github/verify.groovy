import dev.cxtoken.testing.KeycloakItSupport

// Both builds asked the runner's endpoint for a job token, and their test found the token active.
KeycloakItSupport.assertLogCount(basedir, "Running it.KeycloakTokenTest", 2)
KeycloakItSupport.assertLogCount(basedir, "BUILD SUCCESS", 2)
def asked = KeycloakItSupport.githubRequests(keycloakProperties) - context.get("githubRequestsBefore")
if (asked < 2) {
    throw new AssertionError("The builds asked the GitHub-style endpoint " + asked + " time(s), not at least once each")
}
KeycloakItSupport.verifyBuilds(keycloakProperties, basedir,
        "Fetched oauth2 token from 127.0.0.1",
        "ACTIONS_ID_TOKEN_REQUEST_URL",
        "Debug output (-X) is on")
return true
