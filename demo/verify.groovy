def server = context.get("standin")
def requests = server.tokenRequests()
def log = new File(basedir, "build.log").getText("UTF-8")
assert !log.contains("demo-secret:with+special=chars") : "the secret appears in the demo's build log"
server.issuedTokens().each { assert !log.contains(it) : "the token appears in the demo's build log" }
// Ask the server, as the test did, whether the build's token still works now that the build is over.
def token = server.issuedTokens().iterator().next()
def me = new URL(server.baseUrl() + "/api/v2/tokens/me").openConnection()
me.setRequestProperty("Authorization", "Bearer " + token)
def status = me.responseCode
server.close()
assert status == 401 : "the build's token still works after the build (HTTP ${status})"
println ""
println "Demo finished: the plugin made ${requests} token request(s); the test called the API with the token."
println "The build log is in target/demo-run/demo/build.log. Neither the secret nor the token appears in it."
println "Revoked at the end of the build: GET /api/v2/tokens/me with the build's token now answers HTTP ${status}."
return true
