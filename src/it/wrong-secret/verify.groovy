// Exactly one request per build: a rejected secret is not retried.
dev.cxtoken.testing.ItSupport.verifyBuilds(context, basedir, 2,
        "was rejected: HTTP 400, error 'invalid_client': authentication failed",
        "BUILD FAILURE")
return true
