import dev.cxtoken.testing.ItSupport

ItSupport.assertEquals(2, ItSupport.stop(context), "token requests (one per build)")
ItSupport.assertLogContains(basedir,
        "[WARNING] Token request to http://127.0.0.1",
        "Going on without a token, because failOnError is false.",
        "BUILD SUCCESS")
ItSupport.assertNoSecrets(context, basedir)
return true
