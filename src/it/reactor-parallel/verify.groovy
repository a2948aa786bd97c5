import dev.cxtoken.testing.ItSupport

ItSupport.assertEquals(2, ItSupport.stop(context), "token requests (exactly one per build of 13 projects)")
def log = ItSupport.buildLog(basedir)
ItSupport.assertEquals(2, log.count("Fetched genesys token"), "executions that fetched")
ItSupport.assertEquals(24, log.count("Reused genesys token"), "executions that reused the build's token")
ItSupport.assertEquals(24, log.count("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed"), "module tests that saw the token")
ItSupport.assertEquals(2, log.count("Revoked 1 token(s) at the end of the build."), "revocations (exactly one per build)")
ItSupport.assertEquals(2, ItSupport.server(context).revocationRequests(), "revocation requests")
ItSupport.assertAllRevoked(context)
ItSupport.assertNoSecrets(context, basedir, ItSupport.SUREFIRE_DEBUG_FILES)
return true
