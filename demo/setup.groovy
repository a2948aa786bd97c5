// Starts the stand-in token server on 127.0.0.1 and hands its URL to the demo build.
def server = new dev.cxtoken.standin.StandInTokenServer(0, "demo-client", "demo-secret:with+special=chars", 86399)
context.put("standin", server)
context.get("userProperties").put("cxtoken.tokenUrl", server.baseUrl() + "/oauth/token")
println "Stand-in token server listening on " + server.baseUrl()
return true
