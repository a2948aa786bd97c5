import dev.cxtoken.testing.KeycloakItSupport

// A job token per build, as GitLab's id_tokens would give each job: for the realm issuer, with the client's subject.
def subject = KeycloakItSupport.facts(keycloakProperties).getProperty("keycloak.federated.subject")
for (run in 1..2) {
    KeycloakItSupport.mintJobTokenFor(keycloakProperties, basedir, "ci/job-token-" + run + ".jwt", subject, 300, 0, false)
}
return true
