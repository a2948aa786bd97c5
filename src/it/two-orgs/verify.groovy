import dev.cxtoken.testing.ItSupport

ItSupport.assertEquals(4, ItSupport.stop(context), "token requests (two per build)")
ItSupport.assertLogContains(basedir,
        "credentials from settings.xml server 'it-plain'), valid until",
        "published as \${org.a.token}",
        "Fetched oauth2 token from 127.0.0.1",
        "published as \${org.b.token}")
ItSupport.assertNoSecrets(context, basedir)
return true
