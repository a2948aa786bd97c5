package dev.cxtoken.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the HttpClient of one exchange: quiet connections, no redirects, retries or cookies, the proxy route, TLS,
 * and name lookups and connects that never outlive the deadline.
 */
final class ConnectionSetup {
    private ConnectionSetup() {}

    static CloseableHttpClient client(HttpSettings settings, Deadline deadline, ProxyRoute proxy,
            TlsSocketStrategy tls, DnsResolver dns, ExecutorService lookups) {
        HttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(QuietConnectionFactory.INSTANCE)
                .setTlsSocketStrategy(tls)
                .setDnsResolver(new BoundedDns(dns, deadline, lookups))
                // Resolved per connection, so a late attempt's connect timeout never outlives the deadline.
                .setConnectionConfigResolver(route -> ConnectionConfig.custom()
                        .setConnectTimeout(millis(min(settings.connectTimeout(), deadline.remaining())))
                        .setSocketTimeout(millis(settings.responseTimeout()))
                        .build())
                .build();
        return proxy.configure(HttpClients.custom())
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    static Timeout millis(Duration duration) {
        return Timeout.ofMilliseconds(Math.max(1, duration.toMillis()));
    }

    static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Name lookups within the time left. The JDK's resolver cannot be interrupted, and a cancel that fires while it
     * runs is lost, so the lookup runs on its own thread and the exchange stops waiting for it at the deadline.
     */
    static final class BoundedDns implements DnsResolver {
        private final DnsResolver delegate;
        private final Deadline deadline;
        private final ExecutorService lookups;

        BoundedDns(DnsResolver delegate, Deadline deadline, ExecutorService lookups) {
            this.delegate = delegate;
            this.deadline = deadline;
            this.lookups = lookups;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return within(host, () -> delegate.resolve(host));
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return within(host, () -> delegate.resolveCanonicalHostname(host));
        }

        private interface Lookup<T> {
            T run() throws UnknownHostException;
        }

        private <T> T within(String host, Lookup<T> lookup) throws UnknownHostException {
            Future<T> result = lookups.submit(lookup::run);
            try {
                return result.get(Math.max(1, deadline.remaining().toMillis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                result.cancel(true);
                throw new IoFailures.ResolutionTimeout(host);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnknownHostException("interrupted while resolving " + host);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownHostException) {
                    throw (UnknownHostException) e.getCause();
                }
                throw new UnknownHostException(host);
            }
        }
    }

    /**
     * The JVM's default TLS set-up (its trust store, protocols and cipher suites), created on the first https
     * connection rather than with the client: creating it reads the trust store, which takes a few hundred
     * milliseconds and which executions that reuse a cached token never need.
     */
    static final class JvmDefaultTls implements TlsSocketStrategy {
        private volatile TlsSocketStrategy strategy;

        @Override
        public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
                throws IOException {
            TlsSocketStrategy created = strategy;
            if (created == null) {
                synchronized (this) {
                    if (strategy == null) {
                        strategy = DefaultClientTlsStrategy.createSystemDefault();
                    }
                    created = strategy;
                }
            }
            return created.upgrade(socket, target, port, attachment, context);
        }
    }
}
