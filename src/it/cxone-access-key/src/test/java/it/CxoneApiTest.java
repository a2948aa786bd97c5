package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CxoneApiTest {
    @Test
    void callsTheTenantsApiWithTheTokenFromTheBuild() throws Exception {
        String token = System.getProperty("cx.token");
        String apiBaseUrl = System.getProperty("cx.token.apiBaseUrl");
        assertTrue(token != null && token.startsWith("standin-cxone-"), "no CXone token received");
        assertTrue(apiBaseUrl != null && apiBaseUrl.endsWith("/cxone-api"), "no API base URL received");
        Instant expiresAt = Instant.parse(System.getProperty("cx.token.expiresAt"));
        assertTrue(expiresAt.isAfter(Instant.now().plus(Duration.ofMinutes(50))), "CXone tokens live about an hour");
        HttpResponse<String> tenant = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(apiBaseUrl + "/tenant"))
                        .header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, tenant.statusCode(), "GET <apiBaseUrl>/tenant with the token");
        assertTrue(tenant.body().contains("11ee0000-0000-4000-8000-00000000cafe"), tenant.body());
    }
}
