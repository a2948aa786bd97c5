// The block describes the configuration; nothing is sent, not even the token request that tokenUrl points at.
dev.cxtoken.testing.ItSupport.verifyBuilds(context, basedir, 0,
        "What cx-token:fetch-token would do here (nothing is sent):",
        "provider      genesys (Genesys Cloud)",
        "found from    tokenUrl (cxtoken.tokenUrl)",
        "(tokenUrl overrides environment eu-west-1, which is not used)",
        "client        it-clien…, from settings.xml server 'it-plain'",
        "org pin       the token must belong to 'Contoso'",
        "sent          nothing: cx-token:diagnose stops before the first request",
        "BUILD SUCCESS")
return true
