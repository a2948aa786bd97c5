package dev.cxtoken.plugin;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.credentials.ClientCredentials;
import dev.cxtoken.credentials.CredentialPlace;
import dev.cxtoken.credentials.CredentialResolver;
import dev.cxtoken.credentials.EnvironmentVariables;
import dev.cxtoken.http.ProxyRoute;
import dev.cxtoken.oauth.SigningKey;
import dev.cxtoken.provider.Login;
import dev.cxtoken.publish.TokenFileWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code fetch-token} would do with the same configuration, found by the same steps up to the first request and
 * sending nothing: the provider, the endpoint and how it was found, where each credential would come from and where
 * else the goal looked, the proxy route, the trust store, and what would happen to the token. A step that would fail
 * fails here with the same message. Values are never shown: a credential is named by its place, a client id
 * abbreviated as on the INFO line.
 */
final class Diagnosis {
    private final BuildContext context;

    Diagnosis(BuildContext context) {
        this.context = context;
    }

    /** The block of aligned lines, each "label  value". */
    List<String> run(Parameters parameters) throws CxTokenException {
        EnvironmentVariables variables = new EnvironmentVariables(context.environment, context.environmentNames);
        GoalConfiguration config = GoalConfiguration.parse(parameters, variables);
        Optional<Path> tokenFile = TokenFileWriter.resolve(config.tokenFile, context.baseDirectory);
        ProxyRoute proxy = context.proxy.choose();
        CredentialResolver credentials = new CredentialResolver(context.servers, variables);
        Login login = config.login().choose(credentials);
        List<String[]> rows = new ArrayList<>();
        rows.add(row("provider", config.provider.id() + " (" + config.provider.title() + ")"
                + (login.name().isEmpty() ? "" : ", " + login.name())));
        rows.add(row("endpoint", login.endpointIdentity() + login.endpointNote()));
        rows.add(row("found from", login.endpointDerivation()));
        rows.add(row("client auth", login.clientAuthentication()));
        String singleUse = null;
        for (CredentialPlace place : login.places()) {
            ClientCredentials found = credentials.resolve(place);
            String signs = found.credential() instanceof SigningKey
                    ? ", signing " + ((SigningKey) found.credential()).algorithm() : "";
            rows.add(row(place.owner(), found.abbreviatedClientId() + ", from " + found.source() + signs));
            singleUse = singleUse != null ? singleUse : found.credential().singleUse();
            rows.add(row("  looked in", place.describe()));
        }
        rows.add(row("proxy", proxy.describe() + "; loopback always goes direct"));
        String trustStore = System.getProperty("javax.net.ssl.trustStore");
        rows.add(row("trust store", trustStore == null || trustStore.isEmpty()
                ? "the JVM's default (cacerts of " + System.getProperty("java.home") + ")"
                : trustStore + " (javax.net.ssl.trustStore)"));
        rows.add(row("timeouts", "the whole fetch " + config.http.timeout().getSeconds() + " s, at most "
                + config.http.maxAttempts() + " attempts"));
        rows.add(row("published as", "${" + config.tokenProperty + "}, ${" + config.tokenProperty + ".file}"
                + tokenFile.map(path -> ", and written to " + path + " (tokenFile)").orElse("")));
        rows.add(row("reuse", "a token the build holds with more than " + config.minValidity.getSeconds()
                + " s left (minValidity; half the lifetime for short tokens)"));
        rows.add(row("renewal", !config.refresh ? "none (refresh false)" : singleUse != null ? "none: " + singleUse
                : "in the background, by the same rule (refresh true)"));
        rows.add(row("at the end", !config.revoke ? "kept valid after the build: " + config.keptBecause
                : singleUse != null ? "not revoked: " + singleUse : "revoked when the build ends (revoke true)"));
        rows.add(row("org pin", config.expectedOrganization == null ? "none (expectedOrganization not set)"
                : "the token must belong to '" + config.expectedOrganization + "'"));
        rows.add(row("sent", "nothing: cx-token:diagnose stops before the first request"));
        return aligned(rows);
    }

    private static String[] row(String label, String value) {
        return new String[] {label, value};
    }

    private static List<String> aligned(List<String[]> rows) {
        int width = 0;
        for (String[] row : rows) {
            width = Math.max(width, row[0].length());
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(row[0]);
            while (line.length() < width + 2) {
                line.append(' ');
            }
            lines.add(line.append(row[1]).toString());
        }
        return lines;
    }
}
