import dev.cxtoken.testing.ItSupport

def server = ItSupport.server(context)
ItSupport.assertEquals(2, ItSupport.stop(context), "token requests (one per build)")
ItSupport.assertEquals(0, server.discoveryRequests(), "discovery requests (the access-key login has none)")
ItSupport.assertEquals(2, server.cxoneConfigurationRequests(), "tenant configuration lookups (one per build)")
ItSupport.assertLogContains(basedir,
        "Fetched cxone token (access-key login) from 127.0.0.1",
        "for access key it-acces",
        "(credentials from environment variables CXONE_ACCESS_KEY_ID and CXONE_ACCESS_KEY_SECRET)",
        "with \${cx.token.apiBaseUrl} = " + server.baseUrl() + "/cxone-api",
        "comes from the tenant lookup",
        "Tests run: 1, Failures: 0, Errors: 0",
        "Debug output (-X) is on")
def log = ItSupport.buildLog(basedir)
ItSupport.assertEquals(false, log.contains("CXONE_CLIENT_SECRET"), "application credentials looked up or named")
ItSupport.assertNoSecrets(context, basedir, ItSupport.SUREFIRE_DEBUG_FILES)
return true
