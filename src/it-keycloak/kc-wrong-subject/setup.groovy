import dev.cxtoken.testing.KeycloakItSupport

// Job tokens of another branch: valid, for the realm issuer, but with a subject no client of the realm expects.
for (run in 1..2) {
    KeycloakItSupport.mintJobTokenFor(keycloakProperties, basedir, "ci/job-token-" + run + ".jwt",
            "project_path:acme/app:ref_type:branch:ref:feature", 300, 0, false)
}
return true
