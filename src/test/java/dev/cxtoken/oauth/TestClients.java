package dev.cxtoken.oauth;

import java.time.Clock;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;

/** Token clients that trust a test CA and resolve test names, for tests in any package; JVM-wide state stays as is. */
public final class TestClients {
    private TestClients() {}

    public static TokenEndpointClient client(FetchConfiguration config, TokenLog log, ProxyRoute proxy,
            SSLContext trust, DnsResolver dns) {
        return new TokenEndpointClient(config.httpSettings(), Clock.systemUTC(), TokenEndpointClient.Sleeper.REAL,
                () -> 0.5, log, "cx-token-test", proxy, new DefaultClientTlsStrategy(trust), dns);
    }
}
