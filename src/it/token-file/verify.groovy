import dev.cxtoken.testing.ItSupport
import dev.cxtoken.testing.PipelineItSupport

ItSupport.assertEquals(2, ItSupport.stop(context), "token requests (one per build; the second execution reuses)")
def base = basedir.canonicalPath
ItSupport.assertLogContains(basedir,
        "Fetched genesys token from 127.0.0.1",
        "; published as \${cx.token} and \${cx.token.file}, written to " + base + "/out/private/cx-token; stays valid until ",
        "Reused genesys token from 127.0.0.1",
        "; published as \${cx.token} and \${cx.token.file}, written to " + base + "/reused/cx-token; stays valid until ",
        "(tokenFile is set, so the token outlives the build for later steps; set revoke (cxtoken.revoke) to true")
// tokenFile keeps the token valid after the build: nothing was revoked.
ItSupport.assertEquals(0, ItSupport.server(context).revocationRequests(), "revocation requests")
PipelineItSupport.assertTokenFile(context, basedir, "out/private/cx-token", "out", "out/private")
PipelineItSupport.assertTokenFile(context, basedir, "reused/cx-token", "reused")
ItSupport.assertEquals(new File(basedir, "out/private/cx-token").text, new File(basedir, "reused/cx-token").text,
        "both files hold the build's one token")
ItSupport.assertNoSecrets(context, basedir, "out/private/cx-token", "reused/cx-token")
return true
