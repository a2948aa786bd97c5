import dev.cxtoken.testing.ItSupport

def server = ItSupport.server(context)
ItSupport.assertEquals(2, ItSupport.stop(context), "token requests (one per build of 7 projects)")
ItSupport.assertEquals(0, server.discoveryRequests(), "discovery requests (the access-key login has none)")
def log = ItSupport.buildLog(basedir)
ItSupport.assertEquals(2, log.count("Fetched cxone token (access-key login)"), "executions that fetched")
ItSupport.assertEquals(12, log.count("Reused cxone token (access-key login)"), "executions that reused the build's token")
ItSupport.assertEquals(12, log.count("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed"), "module tests that saw the token")
ItSupport.assertNoSecrets(context, basedir, ItSupport.SUREFIRE_DEBUG_FILES)
return true
