import dev.cxtoken.testing.ItSupport
import dev.cxtoken.testing.PipelineItSupport

// token.example.test resolves nowhere but in the proxy, so every token here came through it. Per build, the token
// request and the revocation at the end each open a tunnel: four in two builds, each after a 407 challenge.
PipelineItSupport.assertProxyCarriedEveryFetch(context, 4)
ItSupport.assertEquals(2, ItSupport.server(context).revocationRequests(), "revocations through the proxy")
ItSupport.assertAllRevoked(context)
def log = ItSupport.buildLog(basedir)
if (log.contains(PipelineItSupport.PROXY_PASSWORD) || log.contains("it-Pr0xy%3Apw%3D")) {
    throw new AssertionError("The proxy password appears in build.log")
}
ItSupport.verifyBuilds(context, basedir, 2,
        "Fetched genesys token from token.example.test for client it-clien",
        "Token requests go through proxy 127.0.0.1:38517 as it-proxy-user")
return true
