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
     * @param tokenFile where the token was written, or null
     * @param masked whether the token was registered with GitHub Actions' log masking
     */
    public String summary(String provider, TokenService.Outcome outcome, Path tokenFile, boolean masked) {
        List<ClientCredentials> pairs = outcome.credentials();
        List<CredentialPlace> places = outcome.login().places();
        String login = outcome.login().name();
        StringBuilder line = new StringBuilder(outcome.fetched() ? "Fetched " : "Reused ").append(provider)
                .append(" token").append(login.isEmpty() ? "" : " (" + login + ")").append(" from ")
                .append(outcome.login().hostForDisplay());
        for (int i = 0; i < pairs.size(); i++) {
            line.append(i == 0 ? " for " : " and ").append(holder(places.get(i))).append(' ')
                    .append(pairs.get(i).abbreviatedClientId()).append(i == 0 ? " (credentials from " : " (from ")
                    .append(pairs.get(i).source()).append(")");
        }
        String apiBaseUrl = outcome.token().apiBaseUrl();
        line.append(", valid until ").append(instant(outcome.token())).append("; published as ${")
                .append(tokenProperty).append("}");
        // The API base URL is worth a mention where it had to be found; elsewhere it follows from the endpoint.
        if (!login.isEmpty() && apiBaseUrl != null) {
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

    /** "client" for a client or a registered application, else what the pair is ("access key"). */
    private static String holder(CredentialPlace place) {
        return place.owner().endsWith("client") ? "client" : place.owner();
    }

    private static String instant(AccessToken token) {
        return DateTimeFormatter.ISO_INSTANT.format(token.expiresAt().truncatedTo(ChronoUnit.SECONDS));
    }
}
