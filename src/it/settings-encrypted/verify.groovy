// The stand-in server accepts only the decrypted secret, so a token proves the decryption. One request per build.
dev.cxtoken.testing.ItSupport.verifyBuilds(context, basedir, 2,
        "Fetched genesys token from 127.0.0.1",
        "credentials from settings.xml server 'it-encrypted'")
return true
