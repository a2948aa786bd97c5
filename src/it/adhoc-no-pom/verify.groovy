// One token request per call.
dev.cxtoken.testing.ItSupport.verifyBuilds(context, basedir, 2,
        "Fetched genesys token from 127.0.0.1",
        "credentials from settings.xml server 'it-plain'",
        "revoked when the build ends",
        "Revoked 1 token(s) at the end of the build.")
// The credentials check leaves no live token behind.
dev.cxtoken.testing.ItSupport.assertAllRevoked(context)
return true
