import dev.cxtoken.testing.ItSupport

// The stand-in server accepts only the decrypted secret, so a token proves the decryption.
ItSupport.assertEquals(2, ItSupport.stop(context), "token requests (one per build)")
ItSupport.assertLogContains(basedir,
        "Fetched genesys token from 127.0.0.1",
        "credentials from settings.xml server 'it-encrypted'")
ItSupport.assertNoSecrets(context, basedir)
return true
