// One token request per build.
dev.cxtoken.testing.ItSupport.verifyBuilds(context, basedir, 2,
        "Fetched oauth2 token from 127.0.0.1",
        "credentials from settings.xml server 'it-plain'")
return true
