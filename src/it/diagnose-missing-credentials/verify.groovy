dev.cxtoken.testing.ItSupport.verifyBuilds(context, basedir, 0,
        "No client credentials found for provider 'genesys'. Looked in: settings.xml server 'it-absent' (not found)",
        "IT_ABSENT_SECRET / IT_ABSENT_SECRET_FILE (not set)",
        "BUILD FAILURE")
return true
