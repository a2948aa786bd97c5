import dev.cxtoken.testing.ItSupport

ItSupport.assertEquals(2, ItSupport.stop(context), "token requests (one per build)")
ItSupport.assertLogContains(basedir,
        "Fetched oauth2 token from 127.0.0.1",
        "credentials from settings.xml server 'it-plain'")
ItSupport.assertNoSecrets(context, basedir)
return true
