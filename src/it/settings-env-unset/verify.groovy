import dev.cxtoken.testing.ItSupport

ItSupport.assertEquals(0, ItSupport.stop(context), "token requests")
ItSupport.assertLogContains(basedir,
        "settings.xml server 'it-env' has <password>\${env.IT_ENV_CLIENT_SECRET}</password>, which Maven could not"
                + " resolve: environment variable IT_ENV_CLIENT_SECRET is not set in this build",
        "BUILD FAILURE")
ItSupport.assertNoSecrets(context, basedir)
return true
