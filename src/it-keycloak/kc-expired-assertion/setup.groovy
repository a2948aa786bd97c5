import dev.cxtoken.testing.KeycloakItSupport

// Job tokens issued 400 s ago that live 900 s: not expired, so the plugin sends them, but older than the 300 s
// Keycloak allows a federated assertion (as when a CI job runs its Maven build more than 5 minutes after it started).
def subject = KeycloakItSupport.facts(keycloakProperties).getProperty("keycloak.federated.subject")
for (run in 1..2) {
    KeycloakItSupport.mintJobTokenFor(keycloakProperties, basedir, "ci/job-token-" + run + ".jwt", subject, 900, -400, false)
}
return true
