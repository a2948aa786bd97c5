import dev.cxtoken.testing.ItSupport
import dev.cxtoken.testing.PipelineItSupport

// Per build, the token request goes to login.mypurecloud.com and the revocation to api.mypurecloud.com, each through
// its own tunnel: Genesys Cloud's default region, reached on this machine only.
def tunnels = PipelineItSupport.stopProxy(context).exchanges().findAll { it.status == 200 }.collect { it.request.target }
ItSupport.assertEquals(["login.mypurecloud.com:443", "api.mypurecloud.com:443"] * 2, tunnels, "tunnels")
ItSupport.assertAllRevoked(context)
ItSupport.verifyBuilds(context, basedir, 2,
        "Fetched genesys token from login.mypurecloud.com (default environment mypurecloud.com, us-east-1; set"
                + " environment for your org's region) for client it-clien")
return true
