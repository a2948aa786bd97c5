package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenReceivedTest {
    @Test
    void callsTheApiWithTheTokenFromTheBuild() throws Exception {
        String token = System.getProperty("cx.token");
        String apiBaseUrl = System.getProperty("cx.token.apiBaseUrl");
        assertTrue(token != null && token.startsWith("standin-"), "no token received");
        assertTrue(Instant.parse(System.getProperty("cx.token.expiresAt")).isAfter(Instant.now()));
        HttpResponse<String> me = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(apiBaseUrl + "/api/v2/tokens/me"))
                        .header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, me.statusCode(), "GET /api/v2/tokens/me with the token");
    }
}
