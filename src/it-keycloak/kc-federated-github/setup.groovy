import dev.cxtoken.testing.KeycloakItSupport

context.put("githubRequestsBefore", KeycloakItSupport.githubRequests(keycloakProperties))
return true
