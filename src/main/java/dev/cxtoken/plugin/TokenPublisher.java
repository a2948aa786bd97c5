package dev.cxtoken.plugin;

import dev.cxtoken.oauth.AccessToken;
import dev.cxtoken.oauth.ClientCredentials;
import dev.cxtoken.oauth.FetchConfiguration;
import dev.cxtoken.oauth.TokenService;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Properties;

/** Writes the token's project properties and composes the one INFO line of an execution. */
final class TokenPublisher {
    private final String tokenProperty;

    TokenPublisher(String tokenProperty) {
        this.tokenProperty = tokenProperty;
    }

    void publish(AccessToken token, Properties properties) {
        properties.setProperty(tokenProperty, token.value().reveal());
        properties.setProperty(tokenProperty + ".expiresAt",
                DateTimeFormatter.ISO_INSTANT.format(token.expiresAt().truncatedTo(ChronoUnit.SECONDS)));
        if (token.apiBaseUrl() != null) {
            properties.setProperty(tokenProperty + ".apiBaseUrl", token.apiBaseUrl());
        } else {
            properties.remove(tokenProperty + ".apiBaseUrl");
        }
    }

    /**
     * @param tokenFile where the token was written, or null
     * @param masked whether the token was registered with GitHub Actions' log masking
     */
    static String summary(FetchConfiguration config, TokenService.Outcome outcome, Path tokenFile, boolean masked) {
        ClientCredentials accessKey = outcome.accessKey();
        String apiBaseUrl = outcome.token().apiBaseUrl();
        return (outcome.fetched() ? "Fetched" : "Reused") + " " + config.provider().id() + " token from "
                + config.endpoint().hostForDisplay() + " for client " + outcome.credentials().abbreviatedClientId()
                + " (credentials from " + outcome.credentials().source() + ")"
                + (accessKey == null ? "" : " and access key " + accessKey.abbreviatedClientId() + " (from "
                        + accessKey.source() + ")")
                + ", valid until "
                + DateTimeFormatter.ISO_INSTANT.format(outcome.token().expiresAt().truncatedTo(ChronoUnit.SECONDS))
                + "; published as ${" + config.tokenProperty() + "}"
                + (accessKey == null || apiBaseUrl == null ? "" : ", with ${" + config.tokenProperty()
                        + ".apiBaseUrl} = " + apiBaseUrl)
                + (tokenFile == null ? "" : ", written to " + tokenFile)
                + (masked ? "; masked in the GitHub Actions log" : "") + ".";
    }
}
