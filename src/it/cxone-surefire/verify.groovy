import dev.cxtoken.testing.ItSupport

def server = ItSupport.server(context)
ItSupport.assertEquals(2, ItSupport.stop(context), "token requests (one per build)")
ItSupport.assertEquals(2, server.discoveryRequests(), "discovery requests (one per build)")
ItSupport.assertEquals(2, server.cxoneConfigurationRequests(), "tenant configuration lookups (one per build)")
ItSupport.assertLogContains(basedir,
        "Fetched cxone token (application login) from 127.0.0.1",
        "credentials from environment variables CXONE_CLIENT_ID and CXONE_CLIENT_SECRET",
        "and access key it-acces",
        "(from settings.xml server 'it-cxone-access-key')",
        "with \${cx.token.apiBaseUrl} = " + server.baseUrl() + "/cxone-api",
        "Tests run: 1, Failures: 0, Errors: 0",
        "Debug output (-X) is on")
ItSupport.assertNoSecrets(context, basedir, ItSupport.SUREFIRE_DEBUG_FILES)
return true
