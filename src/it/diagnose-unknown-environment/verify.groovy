dev.cxtoken.testing.ItSupport.verifyBuilds(context, basedir, 0,
        "Unknown Genesys Cloud environment 'mypurecloud.co.uk'",
        "'uk' suggests eu-west-2 (euw2.pure.cloud).",
        "BUILD FAILURE")
return true
