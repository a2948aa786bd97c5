// Two tokens per build, one per org.
dev.cxtoken.testing.ItSupport.verifyBuilds(context, basedir, 4,
        "credentials from settings.xml server 'it-plain'), valid until",
        "published as \${org.a.token}",
        "Fetched oauth2 token from 127.0.0.1",
        "published as \${org.b.token}")
return true
