package com.example.contactcenter.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls the Genesys Cloud API with a bearer token. The token is never part of toString() or of an exception. */
public final class GenesysApi {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String apiBaseUrl;
    private final String token;

    public GenesysApi(String apiBaseUrl, String token) {
        if (apiBaseUrl == null || token == null) {
            throw new IllegalArgumentException("No token: is cx-token-maven-plugin configured in the parent POM?");
        }
        this.apiBaseUrl = apiBaseUrl;
        this.token = token;
    }

    /**
     * From the system properties that Surefire's systemPropertyVariables set: the API base URL, and the path of the
     * build's token file, read now. The build renews the token in the background, so a long-lived client should
     * call this again rather than keep one token for hours.
     */
    public static GenesysApi fromSystemProperties() throws IOException {
        String tokenFile = System.getProperty("genesys.tokenFile");
        if (tokenFile == null || tokenFile.startsWith("${")) {
            throw new IllegalArgumentException("genesys.tokenFile is " + tokenFile + ": does this module run"
                    + " cx-token:fetch-token (its <executions> block in the parent POM)?");
        }
        return new GenesysApi(System.getProperty("genesys.apiBaseUrl"),
                new String(Files.readAllBytes(Paths.get(tokenFile)), StandardCharsets.UTF_8));
    }

    /** From the environment variables that exec-maven-plugin's environmentVariables set. */
    public static GenesysApi fromEnvironment() {
        String token = System.getenv("GENESYS_TOKEN");
        if (token != null && token.startsWith("${")) {
            // Maven passes an unresolved ${cx.token} on as it is, when the module does not run the goal first.
            throw new IllegalArgumentException("GENESYS_TOKEN is the unresolved text " + token + ": does this module"
                    + " run cx-token:fetch-token before exec-maven-plugin?");
        }
        return new GenesysApi(System.getenv("GENESYS_API"), token);
    }

    /** GET of an API path such as /api/v2/tokens/me. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(apiBaseUrl + path))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public String toString() {
        return "GenesysApi{" + apiBaseUrl + "}";
    }
}
