package dev.cxtoken.publish;

import dev.cxtoken.credentials.ClientCredentials;
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

    public void publish(AccessToken token, Properties properties) {
        properties.setProperty(tokenProperty, token.value().reveal());
        properties.setProperty(tokenProperty + ".expiresAt", instant(token));
        if (token.apiBaseUrl() != null) {
            properties.setProperty(tokenProperty + ".apiBaseUrl", token.apiBaseUrl());
        } else {
            properties.remove(tokenProperty + ".apiBaseUrl");
        }
    }

    /**
     * @param provider the provider's id
     * @param host where the token came from
     * @param announceApiBaseUrl whether the line names the API base URL (when it had to be looked up)
     * @param tokenFile where the token was written, or null
     * @param masked whether the token was registered with GitHub Actions' log masking
     */
    public String summary(String provider, String host, TokenService.Outcome outcome, boolean announceApiBaseUrl,
            Path tokenFile, boolean masked) {
        List<ClientCredentials> pairs = outcome.credentials();
        ClientCredentials client = pairs.get(0);
        StringBuilder line = new StringBuilder(outcome.fetched() ? "Fetched " : "Reused ").append(provider)
                .append(" token from ").append(host).append(" for client ").append(client.abbreviatedClientId())
                .append(" (credentials from ").append(client.source()).append(")");
        for (ClientCredentials more : pairs.subList(1, pairs.size())) {
            line.append(" and access key ").append(more.abbreviatedClientId()).append(" (from ")
                    .append(more.source()).append(")");
        }
        String apiBaseUrl = outcome.token().apiBaseUrl();
        line.append(", valid until ").append(instant(outcome.token())).append("; published as ${")
                .append(tokenProperty).append("}");
        if (announceApiBaseUrl && apiBaseUrl != null) {
            line.append(", with ${").append(tokenProperty).append(".apiBaseUrl} = ").append(apiBaseUrl);
        }
        if (tokenFile != null) {
            line.append(", written to ").append(tokenFile);
        }
        return line.append(masked ? "; masked in the GitHub Actions log" : "").append(".").toString();
    }

    /** The warning when the token came without an API base URL that the provider looks up. */
    public String missingApiBaseUrl(String providerTitle, String problem) {
        return "Could not find the " + providerTitle + " API base URL. " + problem + " The token is published as ${" + tokenProperty
                + "}, but ${" + tokenProperty + ".apiBaseUrl} is not set.";
    }

    private static String instant(AccessToken token) {
        return DateTimeFormatter.ISO_INSTANT.format(token.expiresAt().truncatedTo(ChronoUnit.SECONDS));
    }
}
