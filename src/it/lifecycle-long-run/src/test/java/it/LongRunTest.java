package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * Outlives two 8-second tokens, re-reading the token file before every call, as the manual's helper does
 * (src/site/markdown/usage.md).
 */
class LongRunTest {
    @Test
    void everyCallForTwentySecondsIsAccepted() throws Exception {
        Path file = Paths.get(System.getProperty("cx.token.file"));
        String api = System.getProperty("cx.token.apiBaseUrl");
        System.out.println("Token file: " + file);
        HttpClient http = HttpClient.newHttpClient();
        for (int second = 0; second < 20; second++) {
            String token = Files.readString(file);
            HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(api + "/api/v2/tokens/me"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, me.statusCode(), "GET /api/v2/tokens/me at second " + second);
            Thread.sleep(1000);
        }
    }
}
