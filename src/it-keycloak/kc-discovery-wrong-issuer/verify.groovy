import dev.cxtoken.testing.ItSupport
import dev.cxtoken.testing.KeycloakItSupport

// Both builds stopped at the metadata, whose issuer is not the configured one, before sending any credential:
// Keycloak recorded no login of the client.
KeycloakItSupport.assertLogCount(basedir, "BUILD FAILURE", 2)
ItSupport.assertEquals(context.get("loginsBefore"),
        KeycloakItSupport.clientLogins(keycloakProperties, "cx-wrong-issuer"), "logins of cx-wrong-issuer at Keycloak")
KeycloakItSupport.verifyBuilds(keycloakProperties, basedir,
        "names the issuer",
        "Nothing was sent.",
        "Debug output (-X) is on")
return true
