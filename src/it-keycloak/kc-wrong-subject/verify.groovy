import dev.cxtoken.testing.ItSupport
import dev.cxtoken.testing.KeycloakItSupport

// Keycloak refused the job token of another branch; the plugin's hint names the token's subject.
KeycloakItSupport.assertLogCount(basedir, "BUILD FAILURE", 2)
ItSupport.assertLogContains(basedir,
        "invalid_client",
        "The server did not accept the CI token from",
        "project_path:acme/app:ref_type:branch:ref:feature",
        "Debug output (-X) is on")
KeycloakItSupport.assertNoSecrets(keycloakProperties, basedir, "ci/")
return true
