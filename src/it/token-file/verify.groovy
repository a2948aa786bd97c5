import dev.cxtoken.testing.ItSupport
import dev.cxtoken.testing.PipelineItSupport

ItSupport.assertEquals(2, ItSupport.stop(context), "token requests (one per build; the second execution reuses)")
def base = basedir.canonicalPath
ItSupport.assertLogContains(basedir,
        "Fetched genesys token from 127.0.0.1",
        "; published as \${cx.token}, written to " + base + "/out/private/cx-token.",
        "Reused genesys token from 127.0.0.1",
        "; published as \${cx.token}, written to " + base + "/reused/cx-token.")
PipelineItSupport.assertTokenFile(context, basedir, "out/private/cx-token", "out", "out/private")
PipelineItSupport.assertTokenFile(context, basedir, "reused/cx-token", "reused")
ItSupport.assertEquals(new File(basedir, "out/private/cx-token").text, new File(basedir, "reused/cx-token").text,
        "both files hold the build's one token")
ItSupport.assertNoSecrets(context, basedir, "out/private/cx-token", "reused/cx-token")
return true
