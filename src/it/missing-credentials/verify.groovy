// No request at all: the lookup fails first.
dev.cxtoken.testing.ItSupport.verifyBuilds(context, basedir, 0,
        "No client credentials found for provider 'genesys'",
        "settings.xml server 'it-absent' (not found)",
        "IT_ABSENT_CLIENT_ID / IT_ABSENT_CLIENT_ID_FILE",
        "IT_ABSENT_CLIENT_SECRET / IT_ABSENT_CLIENT_SECRET_FILE",
        "BUILD FAILURE")
return true
