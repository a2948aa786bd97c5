import dev.cxtoken.testing.ItSupport

ItSupport.assertEquals(2, ItSupport.stop(context), "token requests (exactly one per build: no retry)")
ItSupport.assertLogContains(basedir,
        "was rejected: HTTP 400, error 'invalid_client': authentication failed",
        "BUILD FAILURE")
ItSupport.assertNoSecrets(context, basedir)
return true
