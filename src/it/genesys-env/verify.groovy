import dev.cxtoken.testing.ItSupport

ItSupport.assertEquals(2, ItSupport.stop(context), "token requests (one per build)")
ItSupport.assertLogContains(basedir,
        "Fetched genesys token from 127.0.0.1",
        "credentials from environment variables GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET",
        "published as \${cx.token}",
        "Tests run: 1, Failures: 0, Errors: 0",
        "Debug output (-X) is on")
ItSupport.assertNoSecrets(context, basedir, ItSupport.SUREFIRE_DEBUG_FILES)
return true
