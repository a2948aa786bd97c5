package dev.cxtoken.plugin;

import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.Ticker;
import dev.cxtoken.TokenLog;
import dev.cxtoken.credentials.ServerCredentialsSource;
import dev.cxtoken.http.ProxyRoute;
import dev.cxtoken.http.Sleeper;
import dev.cxtoken.token.ExecutorRenewals;
import dev.cxtoken.token.Renewals;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.Collections;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;

/**
 * Everything of the build that one execution of the goal uses: Maven's parts, adapted, and the seams (clocks,
 * sleeper, trust, names) that tests replace. The mojo and the tests build one and hand it to {@link TokenGoal}.
 */
public final class BuildContext {
    /** Picks the proxy route from the build's settings; run by the goal, so its refusals are the goal's. */
    @FunctionalInterface
    public interface ProxyChoice {
        ProxyRoute choose() throws InvalidConfigurationException;
    }

    /** Where the end of the build runs the build's end-of-build action. */
    @FunctionalInterface
    public interface EndOfBuild {
        /** Called by every execution; only the first call of a build needs to do anything. */
        void install(Runnable action);
    }

    final Function<String, String> environment;
    final ServerCredentialsSource servers;
    final ProxyChoice proxy;
    final ConcurrentMap<String, Object> store;
    final Properties projectProperties;
    final Path baseDirectory;
    final boolean offline;
    final TokenLog log;
    final PrintStream runnerStdout;
    Clock clock = Clock.systemUTC();
    Ticker ticker = Ticker.SYSTEM;
    Sleeper sleeper = Sleeper.REAL;
    /** Spreads retries of many builds apart; it needs no secrecy, so no SecureRandom to seed in every module. */
    DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
    TlsSocketStrategy tls;
    DnsResolver dns;
    String userAgent = "cx-token-maven-plugin";
    Supplier<Set<String>> environmentNames = Collections::emptySet;
    EndOfBuild endOfBuild = action -> { };
    Function<ConcurrentMap<String, Object>, Renewals> renewals = ExecutorRenewals::new;
    Path temporaryRoot = Paths.get(System.getProperty("java.io.tmpdir"));

    /**
     * @param environment the build's environment variables: the value, or null when unset
     * @param store the build-wide store, shared by every module of the build
     * @param runnerStdout the process's standard output, for CI log commands
     */
    public BuildContext(Function<String, String> environment, ServerCredentialsSource servers, ProxyChoice proxy,
            ConcurrentMap<String, Object> store, Properties projectProperties, Path baseDirectory, boolean offline,
            TokenLog log, PrintStream runnerStdout) {
        this.environment = environment;
        this.servers = servers;
        this.proxy = proxy;
        this.store = store;
        this.projectProperties = projectProperties;
        this.baseDirectory = baseDirectory;
        this.offline = offline;
        this.log = log;
        this.runnerStdout = runnerStdout;
    }

    /** @param clock wall-clock time, for expiry instants and Retry-After dates */
    public BuildContext clocks(Clock clock, Ticker ticker, Sleeper sleeper) {
        this.clock = clock;
        this.ticker = ticker;
        this.sleeper = sleeper;
        return this;
    }

    /** @param jitter returns values in [0, 1) */
    public BuildContext jitter(DoubleSupplier jitter) {
        this.jitter = jitter;
        return this;
    }

    /** @param tls trust for https, or null for the JVM's; @param dns the resolver, or null for the system's */
    public BuildContext network(TlsSocketStrategy tls, DnsResolver dns) {
        this.tls = tls;
        this.dns = dns;
        return this;
    }

    /**
     * @param endOfBuild where the end of the build runs the end-of-build action (revocation, file deletion)
     * @param renewals the build's background renewals, from the build-wide store
     * @param temporaryRoot where the build's own token directory goes
     */
    public BuildContext lifecycle(EndOfBuild endOfBuild, Function<ConcurrentMap<String, Object>, Renewals> renewals,
            Path temporaryRoot) {
        this.endOfBuild = endOfBuild;
        this.renewals = renewals;
        this.temporaryRoot = temporaryRoot;
        return this;
    }

    /** @param environmentNames the names of every environment variable of the build */
    public BuildContext environmentNames(Supplier<Set<String>> environmentNames) {
        this.environmentNames = environmentNames;
        return this;
    }

    public BuildContext userAgent(String userAgent) {
        this.userAgent = userAgent;
        return this;
    }

    @Override
    public String toString() {
        return "BuildContext{" + baseDirectory + "}";
    }
}
