import dev.cxtoken.testing.ItSupport
import dev.cxtoken.testing.PipelineItSupport

// token.example.test resolves nowhere but in the proxy, so every token here came through it. Per build, the token
// request and the revocation at the end each open a tunnel: four in two builds.
PipelineItSupport.assertProxyCarriedEveryFetch(context, 4)
ItSupport.assertEquals(2, ItSupport.server(context).revocationRequests(), "revocations through the proxy")
ItSupport.assertAllRevoked(context)
if (ItSupport.buildLog(basedir).contains(PipelineItSupport.PROXY_PASSWORD)) {
    throw new AssertionError("The proxy password appears in build.log")
}
ItSupport.verifyBuilds(context, basedir, 2,
        "Fetched genesys token from token.example.test for client it-clien",
        "Token requests go through proxy 127.0.0.1:")
return true
