import dev.cxtoken.testing.ItSupport

ItSupport.assertEquals(2, ItSupport.stop(context), "token requests (one per build)")
def log = ItSupport.buildLog(basedir)
ItSupport.assertEquals(2, log.count("Revoked 1 token(s) at the end of the build."), "revocations (one per build)")
ItSupport.assertLogContains(basedir, "Tests run: 1, Failures: 1", "BUILD FAILURE")
ItSupport.assertAllRevoked(context)
ItSupport.assertTokenFilesGone(basedir)
ItSupport.assertNoSecrets(context, basedir, ItSupport.SUREFIRE_DEBUG_FILES)
return true
