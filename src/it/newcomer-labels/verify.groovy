// Two builds reach the server (runs 3 and 4); each is refused once, and neither retries.
dev.cxtoken.testing.ItSupport.verifyBuilds(context, basedir, 2,
        "No client secret found for provider 'genesys'. Looked in: settings.xml server 'genesys' (not found),"
                + " environment variable GENESYS_CLIENT_ID / GENESYS_CLIENT_ID_FILE (set), environment variable"
                + " IT_LABELS_UNSET_SECRET / IT_LABELS_UNSET_SECRET_FILE (not set)",
        "error 'invalid_client'",
        "Check both, read from environment variables GENESYS_CLIENT_ID and IT_LABELS_WRONG_SECRET;",
        "BUILD FAILURE")
if (dev.cxtoken.testing.ItSupport.buildLog(basedir).contains("it-wrong-S3cret")) {
    throw new AssertionError("The wrong secret appears in build.log")
}
return true
