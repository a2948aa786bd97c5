package dev.cxtoken.http;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.oauth.AccessToken;
import dev.cxtoken.plugin.Parameters;
import dev.cxtoken.testing.RecordingLog;
import dev.cxtoken.testing.TestBuild;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.DnsResolver;

/** Runs the goal trusting a test CA and resolving test names, for tests in any package; JVM-wide state stays as is. */
public final class TestClients {
    private TestClients() {}

    /** Fetches with {@link TestBuild#CLIENT_ID} and {@link TestBuild#SECRET} in the provider's variables. */
    public static AccessToken fetch(Parameters config, RecordingLog log, ProxyRoute proxy, SSLContext trust,
            DnsResolver dns) throws CxTokenException {
        TestBuild build = new TestBuild(log).client(config.get("provider"), TestBuild.SECRET).trust(trust, dns);
        build.proxy = proxy;
        return build.token(config);
    }
}
