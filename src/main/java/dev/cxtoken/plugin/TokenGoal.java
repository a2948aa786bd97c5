package dev.cxtoken.plugin;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.Secret;
import dev.cxtoken.TokenEndpointException;
import dev.cxtoken.TokenLog;
import dev.cxtoken.credentials.CredentialResolver;
import dev.cxtoken.credentials.EnvironmentVariables;
import dev.cxtoken.http.Exchanger;
import dev.cxtoken.http.HttpSettings;
import dev.cxtoken.http.ProxyRoute;
import dev.cxtoken.oauth.OAuthClient;
import dev.cxtoken.publish.BuildTokenFiles;
import dev.cxtoken.publish.GitHubActionsMask;
import dev.cxtoken.publish.TokenFileWriter;
import dev.cxtoken.publish.TokenPublisher;
import dev.cxtoken.token.BuildMemo;
import dev.cxtoken.token.BuildTokenCache;
import dev.cxtoken.token.TokenLifecycle;
import dev.cxtoken.token.TokenService;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One execution of the goal, wired once: the mojo and the tests both run it, so a test exercises exactly what a
 * build does. Checks the parameters, finds the credentials, reuses or fetches the token, then masks, writes and
 * publishes it.
 */
public final class TokenGoal {
    private final BuildContext context;

    public TokenGoal(BuildContext context) {
        this.context = context;
    }

    /** What the execution did. */
    public static final class Result {
        private final TokenService.Outcome outcome;
        private final String summary;

        Result(TokenService.Outcome outcome, String summary) {
            this.outcome = outcome;
            this.summary = summary;
        }

        public TokenService.Outcome outcome() {
            return outcome;
        }

        /** The execution's INFO line, already logged. */
        public String summary() {
            return summary;
        }
    }

    public Result run(Parameters parameters) throws CxTokenException {
        try {
            return execute(GoalConfiguration.parse(parameters, variables()));
        } catch (TokenEndpointException e) {
            if (e.kind() != TokenEndpointException.Kind.UNAVAILABLE) {
                throw e;
            }
            throw new TokenEndpointException(e.getMessage() + " Check that the endpoint is reachable from this"
                    + " machine (proxy, firewall), or raise timeout (cxtoken.timeout) and maxAttempts"
                    + " (cxtoken.maxAttempts).", e.kind(), e.getCause());
        }
    }

    private Result execute(GoalConfiguration config) throws CxTokenException {
        Optional<Path> file = TokenFileWriter.resolve(config.tokenFile, context.baseDirectory);
        ProxyRoute proxy = context.proxy.choose();
        context.log.debug("Token requests go through " + proxy.describe() + "; loopback endpoints are always direct.");
        TokenLog quiet = context.log.warningsAsDebug();
        TokenLifecycle lifecycle = new TokenLifecycle(context.store, context.renewals.apply(context.store),
                context.log);
        // Before the fetch, so that every token this build fetches is revoked when it ends, whatever follows.
        context.endOfBuild.install(lifecycle.endOfBuild());
        TokenService service = new TokenService(
                new CredentialResolver(context.servers, variables()),
                new BuildTokenCache(context.store, context.clock, context.ticker), new BuildMemo(context.store),
                new TokenService.Clients(client(config.http, proxy, context.log), client(config.http, proxy, quiet),
                        client(config.http.forRevocation(), proxy, quiet), context.log),
                lifecycle, context.clock);
        TokenService.Outcome outcome = service.obtain(config.login, config.scopes, config.extraParameters,
                config.minValidity, context.offline, new TokenService.Lifetime(config.provider.id(), config.refresh,
                        config.revoke, config.expectedOrganization));
        if (outcome.fallback() != null) {
            context.log.warn("Could not fetch a new " + config.provider.id() + " token: " + outcome.fallback()
                    + " Using the one fetched earlier in this build, which is still valid until "
                    + outcome.token().expiresAt() + ".");
        }
        // First of all, before the token is in any property or file that something could print.
        GitHubActionsMask mask = new GitHubActionsMask(context.environment, context.runnerStdout);
        boolean masked = mask.register(outcome.token().value());
        if (masked) {
            // A renewed token is masked before any file holds it.
            lifecycle.onRenewal(outcome.key(), "GitHub Actions mask", renewed -> mask.register(Secret.of(renewed)));
        }
        TokenFileWriter writer = new TokenFileWriter();
        BuildTokenFiles files = new BuildTokenFiles(context.store, lifecycle, writer, context.log,
                context.temporaryRoot);
        Path buildFile = files.write(outcome.key(), outcome.token().value());
        if (file.isPresent()) {
            writer.write(file.get(), outcome.token().value());
            files.keepCurrent(outcome.key(), file.get());
        }
        TokenPublisher publisher = new TokenPublisher(config.tokenProperty);
        publisher.publish(outcome, buildFile, context.projectProperties);
        if (outcome.apiBaseUrlProblem() != null) {
            context.log.warn(publisher.missingApiBaseUrl(config.provider.title(),
                    outcome.apiBaseUrlProblem()));
        }
        if (outcome.apiBaseUrlSource() != null) {
            context.log.debug("The " + config.provider.title() + " API base URL " + outcome.token().apiBaseUrl()
                    + " comes from " + outcome.apiBaseUrlSource() + ".");
        }
        String summary = publisher.summary(config.provider.id(), outcome, file.orElse(null), masked, config.revoke,
                config.keptBecause);
        context.log.info(summary);
        return new Result(outcome, summary);
    }

    private EnvironmentVariables variables() {
        return new EnvironmentVariables(context.environment, context.environmentNames);
    }

    private OAuthClient client(HttpSettings settings, ProxyRoute proxy, TokenLog log) {
        return new OAuthClient(new Exchanger(settings, context.clock, context.ticker, context.sleeper, context.jitter,
                log, context.userAgent, proxy, context.tls, context.dns), context.clock, log);
    }
}
