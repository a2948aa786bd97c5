import dev.cxtoken.testing.ItSupport

ItSupport.assertEquals(0, ItSupport.stop(context), "token requests")
ItSupport.assertLogContains(basedir, "Skipping token fetch (cxtoken.skip).", "BUILD SUCCESS")
return true
