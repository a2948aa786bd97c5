import dev.cxtoken.testing.ItSupport

def server = ItSupport.server(context)
ItSupport.assertEquals(4, ItSupport.stop(context), "token requests (one per build)")
def log = ItSupport.buildLog(basedir)
ItSupport.assertEquals(2, log.count("(tokenFile is set, so the token outlives the build"), "builds that kept the token")
ItSupport.assertEquals(2, log.count("Revoked 1 token(s) at the end of the build."), "builds that revoked it")
ItSupport.assertEquals(2, server.revokedTokens().size(), "revoked tokens")
def file = new File(basedir, "../lifecycle-token-file.token")
assert file.isFile() : "tokenFile is kept after the build"
assert server.revokedTokens().contains(file.getText("UTF-8")) : "the last build's token, in tokenFile, is revoked"
// tokenFile lies outside the IT's folder, so the leak scan does not meet the token the IT asked for.
ItSupport.assertNoSecrets(context, basedir)
file.delete()
return true
