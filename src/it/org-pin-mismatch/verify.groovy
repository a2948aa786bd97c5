import dev.cxtoken.testing.ItSupport

ItSupport.assertEquals(2, ItSupport.stop(context), "token requests (one per build)")
def log = ItSupport.buildLog(basedir)
ItSupport.assertLogContains(basedir,
        "The token belongs to the Genesys Cloud org 'Stand-in org' (id stand-in-org), not to the expected"
                + " 'Production' (expectedOrganization (property cxtoken.expectedOrganization)); the OAuth client is"
                + " 'IT pipeline'. The token was revoked at once",
        "BUILD FAILURE")
assert !log.contains("Tests run:") : "a test ran although the org did not match"
ItSupport.assertAllRevoked(context)
ItSupport.assertNoSecrets(context, basedir)
return true
