import dev.cxtoken.testing.ItSupport
import dev.cxtoken.testing.PipelineItSupport

// token.example.test resolves nowhere but in the proxy, so every token here came through it. One request per build.
PipelineItSupport.assertProxyCarriedEveryFetch(context, 2)
if (ItSupport.buildLog(basedir).contains(PipelineItSupport.PROXY_PASSWORD)) {
    throw new AssertionError("The proxy password appears in build.log")
}
ItSupport.verifyBuilds(context, basedir, 2,
        "Fetched genesys token from token.example.test for client it-clien",
        "Token requests go through proxy 127.0.0.1:")
return true
