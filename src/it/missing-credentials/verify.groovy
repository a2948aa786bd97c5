import dev.cxtoken.testing.ItSupport

ItSupport.assertEquals(0, ItSupport.stop(context), "token requests")
ItSupport.assertLogContains(basedir,
        "No client credentials found for provider 'genesys'",
        "settings.xml server 'it-absent' (not found)",
        "IT_ABSENT_CLIENT_ID / IT_ABSENT_CLIENT_ID_FILE",
        "IT_ABSENT_CLIENT_SECRET / IT_ABSENT_CLIENT_SECRET_FILE",
        "BUILD FAILURE")
ItSupport.assertNoSecrets(context, basedir)
return true
