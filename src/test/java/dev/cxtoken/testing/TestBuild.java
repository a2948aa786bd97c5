package dev.cxtoken.testing;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.Ticker;
import dev.cxtoken.credentials.EnvironmentVariables;
import dev.cxtoken.credentials.ServerCredentials;
import dev.cxtoken.credentials.ServerCredentialsSource;
import dev.cxtoken.http.ProxyRoute;
import dev.cxtoken.http.Sleeper;
import dev.cxtoken.oauth.AccessToken;
import dev.cxtoken.plugin.BuildContext;
import dev.cxtoken.plugin.Parameters;
import dev.cxtoken.plugin.TokenGoal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;

/**
 * One build as the goal sees it, in memory: environment variables, settings servers, proxy, the build-wide store and
 * a project's properties. Runs the goal through the same wiring as the mojo.
 */
public final class TestBuild {
    public static final String CLIENT_ID = "3c5a7f1e-client";
    public static final String SECRET = "s3cr3t:with%odd+chars=&ü";
    /** For parsing parameters without a build: no variable is set. */
    public static final EnvironmentVariables NO_ENVIRONMENT = new EnvironmentVariables(name -> null);

    public final Map<String, String> environment = new HashMap<>();
    public final Map<String, ServerCredentials> servers = new HashMap<>();
    public ServerCredentialsSource serverSource = id -> Optional.ofNullable(servers.get(id));
    public ProxyRoute proxy = ProxyRoute.jvmDefault();
    /** When set, picks the proxy as the goal does (from settings), instead of {@link #proxy}. */
    public BuildContext.ProxyChoice proxyChoice;
    public ConcurrentMap<String, Object> store = new ConcurrentHashMap<>();
    public final Properties properties = new Properties();
    public Path baseDirectory = Paths.get("").toAbsolutePath();
    public boolean offline;
    /** Fixed by default, so that tests can compute every wait: half of each random range. */
    public DoubleSupplier jitter = () -> 0.5;
    public final RecordingLog log;
    public final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    /** Run after every write to {@link #stdout}, to see what else had happened by then. */
    public final List<Runnable> stdoutObservers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Clock clock = Clock.systemUTC();
    private Ticker ticker = Ticker.SYSTEM;
    private Sleeper sleeper = Sleeper.REAL;
    private TlsSocketStrategy tls;
    private DnsResolver dns;
    /** The build's renewals: run by hand with {@link ManualRenewals#runDue()}, against this build's clock. */
    public ManualRenewals renewals = new ManualRenewals(Clock.systemUTC());
    /** Where the build's own token directory goes. */
    public Path temporaryRoot = Paths.get("target", "test-tmp").toAbsolutePath();
    private Runnable endOfBuild;

    public TestBuild() {
        this(new RecordingLog());
    }

    public TestBuild(RecordingLog log) {
        this.log = log;
    }

    /** A build whose environment holds {@link #CLIENT_ID} and the given secret under the provider's variables. */
    public static TestBuild withClient(String provider, String secret) {
        TestBuild build = new TestBuild();
        return build.client(provider, secret);
    }

    public TestBuild client(String provider, String secret) {
        String prefix = provider.equals("genesys") ? "GENESYS" : provider.equals("cxone") ? "CXONE" : "OAUTH";
        environment.put(prefix + "_CLIENT_ID", CLIENT_ID);
        environment.put(prefix + "_CLIENT_SECRET", secret);
        return this;
    }

    public TestBuild clocks(ManualClock manual) {
        this.renewals = new ManualRenewals(manual);
        this.clock = manual;
        this.ticker = manual;
        this.sleeper = manual;
        return this;
    }

    public TestBuild clocks(Clock clock, Ticker ticker, Sleeper sleeper) {
        this.renewals = new ManualRenewals(clock);
        this.clock = clock;
        this.ticker = ticker;
        this.sleeper = sleeper;
        return this;
    }

    public TestBuild trust(SSLContext trust, DnsResolver dns) {
        this.tls = trust == null ? null : new DefaultClientTlsStrategy(trust);
        this.dns = dns;
        return this;
    }

    public BuildContext context() {
        return new BuildContext(environment::get, serverSource, proxyChoice == null ? () -> proxy : proxyChoice, store, properties, baseDirectory, offline, log,
                new PrintStream(observed(), true, StandardCharsets.UTF_8))
                .clocks(clock, ticker, sleeper).jitter(jitter).network(tls, dns).userAgent("cx-token-test")
                .environmentNames(environment::keySet)
                .lifecycle(action -> {
                    if (endOfBuild == null) {
                        endOfBuild = action;
                    }
                }, store -> renewals, temporaryDirectory());
    }

    private java.io.OutputStream observed() {
        return new java.io.OutputStream() {
            @Override
            public void write(int b) {
                stdout.write(b);
                stdoutObservers.forEach(Runnable::run);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                stdout.write(bytes, offset, length);
                stdoutObservers.forEach(Runnable::run);
            }
        };
    }

    private Path temporaryDirectory() {
        try {
            return Files.createDirectories(temporaryRoot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the build as Maven's session end does: renewals stopped, tokens revoked, the build's files deleted. */
    public void endBuild() {
        if (endOfBuild != null) {
            endOfBuild.run();
        }
    }

    public TokenGoal.Result run(Parameters parameters) throws CxTokenException {
        return new TokenGoal(context()).run(parameters);
    }

    public AccessToken token(Parameters parameters) throws CxTokenException {
        return run(parameters).outcome().token();
    }
}
