def server = context.get("standin")
def requests = server.tokenRequests()
server.close()
println ""
println "Demo finished: the plugin made ${requests} token request(s); the test called the API with the token."
println "The build log is in target/demo-run/demo/build.log. Neither the secret nor the token appears in it."
def log = new File(basedir, "build.log").getText("UTF-8")
assert !log.contains("demo-secret:with+special=chars") : "the secret appears in the demo's build log"
server.issuedTokens().each { assert !log.contains(it) : "the token appears in the demo's build log" }
return true
