package com.example.genesys.sdk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.mypurecloud.sdk.v2.ApiClient;
import com.mypurecloud.sdk.v2.api.TokensApi;
import com.mypurecloud.sdk.v2.model.TokenInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The official Java SDK with the build's token: the SDK does not log in itself, so no client secret reaches the tests.
 * Replace GET /api/v2/tokens/me with the calls your integration needs.
 */
class TokensMeSdkIT {
    /**
     * An ApiClient for the build's org and token. Build a new one (or call setAccessToken) when a test outlives a
     * token: the plugin renews the token in the background and rewrites the file, and the SDK never refreshes a
     * client-credentials token on its own. The SDK retries nothing by default (its maxRetryTimeSec is 0), so a 429 or
     * a 5xx reaches the test as it is.
     */
    static ApiClient apiClient() throws Exception {
        String tokenFile = System.getProperty("genesys.tokenFile");
        String apiBaseUrl = System.getProperty("genesys.apiBaseUrl");
        assertNotNull(tokenFile, "no token file: is cx-token-maven-plugin configured in the POM?");
        assertFalse(tokenFile.startsWith("${"), "genesys.tokenFile is '" + tokenFile + "': this module does not run"
                + " cx-token:fetch-token (check the plugin's <executions>)");
        return ApiClient.Builder.standard()
                .withBasePath(apiBaseUrl)
                .withAccessToken(Files.readString(Path.of(tokenFile)))
                .withShouldRefreshAccessToken(false)   // the plugin renews the token; the SDK cannot
                .build();
    }

    @Test
    void theSdkCallsTheApiWithTheBuildsToken() throws Exception {
        TokenInfo me = new TokensApi(apiClient()).getTokensMe((Boolean) null);
        // Never print the token; the org is enough to know it works.
        assertNotNull(me.getOrganization(), "GET /api/v2/tokens/me answered without an organization");
        System.out.println("SDK call: the token belongs to the org " + me.getOrganization().getName());
    }
}
