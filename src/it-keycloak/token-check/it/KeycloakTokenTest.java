package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Surefire test of every Keycloak IT that gets a token (the ITs' POMs take it from src/it-keycloak/token-check):
 * the token the build published works at Keycloak. The introspector client asks Keycloak about it (RFC 7662), and
 * Keycloak must say it is active, issued by the realm, for the client the IT authenticated as.
 */
class KeycloakTokenTest {
    @Test
    void keycloakSaysTheBuildsTokenIsActiveForTheExpectedClient() throws Exception {
        String tokenFile = System.getProperty("cx.token.file");
        assertTrue(tokenFile != null && !tokenFile.startsWith("${"),
                "cx.token.file is " + tokenFile + ": did cx-token:fetch-token run?");
        String token = Files.readString(Path.of(tokenFile)).trim();
        Properties keycloak = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("keycloak.properties")))) {
            keycloak.load(in);
        }
        String expectedClient = System.getProperty("keycloak.expectedClient");

        String form = "token=" + encode(token) + "&client_id=" + encode(keycloak.getProperty("keycloak.introspector.clientId"))
                + "&client_secret=" + encode(keycloak.getProperty("keycloak.introspector.secret"));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(keycloak.getProperty("keycloak.introspectionUrl")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        // The answer holds claims (client, subject, scopes), never the token itself: it may be shown.
        String claims = answer.body();
        assertEquals(200, answer.statusCode(), claims);
        assertTrue(has(claims, "active", "true"), "Keycloak says the build's token is not active: " + claims);
        assertTrue(has(claims, "iss", keycloak.getProperty("keycloak.issuer")), "not the realm's token: " + claims);
        assertTrue(has(claims, "client_id", expectedClient) || has(claims, "azp", expectedClient),
                "the token is not " + expectedClient + "'s: " + claims);

        // kc-revocation checks after its builds that each build's token was revoked: one a line, in the IT's target/.
        String saveTo = System.getProperty("keycloak.saveTokenTo");
        if (saveTo != null && !saveTo.isEmpty() && !saveTo.startsWith("${")) {
            Files.writeString(Path.of(saveTo), token + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static boolean has(String json, String name, String value) {
        String quoted = value.equals("true") ? "true" : "\"" + Pattern.quote(value) + "\"";
        return Pattern.compile("\"" + name + "\"\\s*:\\s*" + quoted).matcher(json).find();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
