import dev.cxtoken.testing.KeycloakItSupport

// The test appends each build's token here; a file left by an earlier run of the IT would add stale ones.
new File(basedir, "target/kc-tokens").delete()
context.put("githubRequestsBefore", KeycloakItSupport.githubRequests(keycloakProperties))
return true
