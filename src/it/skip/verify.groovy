// No request, and nothing to leak.
dev.cxtoken.testing.ItSupport.verifyBuilds(context, basedir, 0,
        "Skipping token fetch (cxtoken.skip).",
        "BUILD SUCCESS")
return true
