package com.example.genesys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v2/tokens/me answers for client-credentials tokens, so it is the simplest proof that the token the build
 * fetched is accepted by the org. Replace it with the calls your integration needs.
 */
class TokensMeIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void theTokenIsAcceptedByTheApi() throws Exception {
        String tokenFile = System.getProperty("genesys.tokenFile");
        String apiBaseUrl = System.getProperty("genesys.apiBaseUrl");
        assertNotNull(tokenFile, "no token file: is cx-token-maven-plugin configured in the POM?");
        assertFalse(tokenFile.startsWith("${"), "genesys.tokenFile is '" + tokenFile + "': this module does not run"
                + " cx-token:fetch-token (check the plugin's <executions>)");
        // Re-read before every call: the build renews the token in the background.
        String token = Files.readString(Path.of(tokenFile));

        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(apiBaseUrl + "/api/v2/tokens/me"))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // Never print the token; the status is enough to know it works.
        assertEquals(200, response.statusCode(), "GET /api/v2/tokens/me answered " + response.statusCode());
    }
}
