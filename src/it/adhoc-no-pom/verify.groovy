// One token request per call.
dev.cxtoken.testing.ItSupport.verifyBuilds(context, basedir, 2,
        "Fetched genesys token from 127.0.0.1",
        "credentials from settings.xml server 'it-plain'")
return true
