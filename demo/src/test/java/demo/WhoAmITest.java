package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Calls GET /api/v2/tokens/me, which answers for client-credentials tokens, with the token the build fetched. */
class WhoAmITest {
    @Test
    void theBuildsTokenIsAccepted() throws Exception {
        String tokenFile = System.getProperty("genesys.tokenFile");
        String apiBaseUrl = System.getProperty("genesys.apiBaseUrl");
        assertNotNull(tokenFile, "the build published no token file");
        String token = Files.readString(Path.of(tokenFile));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(apiBaseUrl + "/api/v2/tokens/me"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "GET /api/v2/tokens/me");
        System.out.println("GET " + apiBaseUrl + "/api/v2/tokens/me -> " + response.statusCode() + " " + response.body());
    }
}
