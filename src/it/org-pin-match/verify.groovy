import dev.cxtoken.testing.ItSupport

ItSupport.verifyBuilds(context, basedir, 2,
        "of org 'Stand-in org' (stand-in-org) as expected, OAuth client 'IT pipeline'",
        "Tests run: 1, Failures: 0, Errors: 0",
        "Revoked 1 token(s) at the end of the build.")
return true
