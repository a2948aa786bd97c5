package dev.cxtoken.publish;

import dev.cxtoken.credentials.ClientCredentials;
import dev.cxtoken.credentials.CredentialPlace;
import dev.cxtoken.oauth.AccessToken;
import dev.cxtoken.token.TokenService;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;

/** Writes the token's project properties and composes the one INFO line of an execution. */
public final class TokenPublisher {
    private final String tokenProperty;

    public TokenPublisher(String tokenProperty) {
        this.tokenProperty = tokenProperty;
    }

    /** @param file the build's file that holds the current token */
    public void publish(TokenService.Outcome outcome, Path file, Properties properties) {
        AccessToken token = outcome.token();
        properties.setProperty(tokenProperty, token.value().reveal());
        properties.setProperty(tokenProperty + ".file", file.toString());
        properties.setProperty(tokenProperty + ".expiresAt", instant(token));
        set(properties, ".apiBaseUrl", token.apiBaseUrl());
        set(properties, ".organizationId", outcome.organizationId());
        set(properties, ".organizationName", outcome.organizationName());
    }

    private void set(Properties properties, String suffix, String value) {
        if (value != null) {
            properties.setProperty(tokenProperty + suffix, value);
        } else {
            properties.remove(tokenProperty + suffix);
        }
    }

    /**
     * @param provider the provider's id
     * @param tokenFile where the token was written, or null
     * @param masked whether the token was registered with GitHub Actions' log masking
     * @param revoke whether this execution lets the token be revoked at the end of the build
     * @param keptBecause why it keeps the token valid when it does not ("revoke is false"), or null
     */
    public String summary(String provider, TokenService.Outcome outcome, Path tokenFile, boolean masked,
            boolean revoke, String keptBecause) {
        List<ClientCredentials> pairs = outcome.credentials();
        List<CredentialPlace> places = outcome.login().places();
        String login = outcome.login().name();
        StringBuilder line = new StringBuilder(outcome.fetched() ? "Fetched " : "Reused ").append(provider)
                .append(" token").append(login.isEmpty() ? "" : " (" + login + ")").append(" from ")
                .append(outcome.login().hostForDisplay()).append(outcome.login().endpointNote());
        for (int i = 0; i < pairs.size(); i++) {
            line.append(i == 0 ? " for " : " and ").append(holder(places.get(i))).append(' ')
                    .append(pairs.get(i).abbreviatedClientId()).append(i == 0 ? " (credentials from " : " (from ")
                    .append(pairs.get(i).source()).append(")");
        }
        if (outcome.organizationId() != null) {
            line.append(", of org ").append(outcome.organizationName() == null ? outcome.organizationId()
                    : "'" + outcome.organizationName() + "' (" + outcome.organizationId() + ")")
                    .append(" as expected, OAuth client '").append(outcome.organizationClient()).append("'");
        }
        String apiBaseUrl = outcome.token().apiBaseUrl();
        line.append(", valid until ").append(instant(outcome.token())).append("; published as ${")
                .append(tokenProperty).append("} and ${").append(tokenProperty).append(".file}");
        // The API base URL is worth a mention where it had to be found; elsewhere it follows from the endpoint.
        if (!login.isEmpty() && apiBaseUrl != null) {
            line.append(", with ${").append(tokenProperty).append(".apiBaseUrl} = ").append(apiBaseUrl);
        }
        if (tokenFile != null) {
            line.append(", written to ").append(tokenFile);
        }
        line.append(masked ? "; masked in the GitHub Actions log" : "");
        if (outcome.renewalGap() != null) {
            line.append("; not renewed in the background: ").append(outcome.renewalGap());
        }
        if (!revoke) {
            line.append("; stays valid until ").append(instant(outcome.token())).append(" (").append(keptBecause)
                    .append(")");
        } else if (outcome.revocationGap() != null) {
            line.append("; stays valid until ").append(instant(outcome.token())).append(": ")
                    .append(outcome.revocationGap());
        } else {
            line.append("; revoked when the build ends");
        }
        return line.append(".").toString();
    }

    /** The warning when the token came without an API base URL that the provider looks up. */
    public String missingApiBaseUrl(String providerTitle, String problem) {
        return "Could not find the " + providerTitle + " API base URL. " + problem + " The token is published as ${" + tokenProperty
                + "}, but ${" + tokenProperty + ".apiBaseUrl} is not set.";
    }

    /** "client" for a client or a registered application, else what the pair is ("access key"). */
    private static String holder(CredentialPlace place) {
        return place.owner().endsWith("client") ? "client" : place.owner();
    }

    private static String instant(AccessToken token) {
        return DateTimeFormatter.ISO_INSTANT.format(token.expiresAt().truncatedTo(ChronoUnit.SECONDS));
    }
}
