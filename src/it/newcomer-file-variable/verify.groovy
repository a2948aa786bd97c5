// No request at all: the path is recognised before anything is sent, and the file is not sent in its place.
dev.cxtoken.testing.ItSupport.verifyBuilds(context, basedir, 0,
        "Environment variable GENESYS_CLIENT_SECRET holds the path of an existing file (not shown), not a value."
                + " This looks like a GitLab CI variable of type File",
        "name that CI variable GENESYS_CLIENT_SECRET_FILE instead, or change its type to Variable.",
        "BUILD FAILURE")
if (dev.cxtoken.testing.ItSupport.buildLog(basedir).contains("gitlab-file-variable")) {
    throw new AssertionError("The File variable's path is shown")
}
return true
