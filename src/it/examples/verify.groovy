import dev.cxtoken.testing.ItSupport

// Six builds, one token each: the reactor's three modules share theirs.
ItSupport.assertEquals(6, ItSupport.stop(context), "token requests (one per build)")
def log = ItSupport.buildLog(basedir)
ItSupport.assertEquals(2, log.count("Running com.example.genesys.TokensMeIT"), "Failsafe runs of TokensMeIT")
ItSupport.assertEquals(6, log.count("Fetched genesys token"), "executions that fetched")
ItSupport.assertEquals(4, log.count("(credentials from settings.xml server 'genesys')"), "fetches through ci-settings.xml")
ItSupport.assertEquals(2, log.count("Running com.example.genesys.sdk.TokensMeSdkIT"), "Failsafe runs of the SDK test")
ItSupport.assertEquals(2, log.count("SDK call: the token belongs to the org "), "SDK calls that reached the API")
ItSupport.assertEquals(6, log.count("Reused genesys token"), "reactor modules that reused the token (3 per build)")
ItSupport.assertEquals(2, log.count("Running com.example.contactcenter.routing.TokenAcceptedTest"), "routing test runs")
ItSupport.assertEquals(6, log.count("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed"), "passing tests")
ItSupport.assertEquals(2, log.count("Queue report: GET /api/v2/tokens/me answered 200"), "exec-maven-plugin runs")
ItSupport.assertNoSecrets(context, basedir, ItSupport.SUREFIRE_DEBUG_FILES)
return true
