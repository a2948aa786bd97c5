// One (rejected) request per build, and the build goes on.
dev.cxtoken.testing.ItSupport.verifyBuilds(context, basedir, 2,
        "[WARNING] Token request to http://127.0.0.1",
        "Going on without a token, because failOnError is false.",
        "BUILD SUCCESS")
return true
