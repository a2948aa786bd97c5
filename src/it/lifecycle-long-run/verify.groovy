import dev.cxtoken.testing.ItSupport

def server = ItSupport.server(context)
def requests = ItSupport.stop(context)
assert requests >= 4 : "the server issued ${requests} tokens in two builds; renewal should have fetched at least 2 each"
ItSupport.assertLogContains(basedir,
        "Renewed the genesys token",
        "Tests run: 1, Failures: 0, Errors: 0",
        "Revoked ")
ItSupport.assertAllRevoked(context)
ItSupport.assertTokenFilesGone(basedir)
ItSupport.assertNoSecrets(context, basedir, ItSupport.SUREFIRE_DEBUG_FILES)
return true
