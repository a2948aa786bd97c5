import dev.cxtoken.testing.KeycloakItSupport

context.put("loginsBefore", KeycloakItSupport.clientLogins(keycloakProperties, "cx-wrong-issuer"))
return true
