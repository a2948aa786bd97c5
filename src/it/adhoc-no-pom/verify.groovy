import dev.cxtoken.testing.ItSupport

ItSupport.assertEquals(2, ItSupport.stop(context), "token requests (one per call)")
ItSupport.assertLogContains(basedir,
        "Fetched genesys token from 127.0.0.1",
        "credentials from settings.xml server 'it-plain'")
ItSupport.assertNoSecrets(context, basedir)
return true
