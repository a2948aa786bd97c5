// Refused before any request; the message names the variable that holds the value, and the value is nowhere.
dev.cxtoken.testing.ItSupport.verifyBuilds(context, basedir, 0,
        "clientSecretEnv (property cxtoken.clientSecretEnv) must name a variable; it holds the value of one,"
                + " GENESYS_CLIENT_SECRET.",
        "<clientSecretEnv>GENESYS_CLIENT_SECRET</clientSecretEnv>",
        "BUILD FAILURE")
return true
