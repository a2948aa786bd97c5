package dev.cxtoken.provider;

import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.Urls;
import java.net.URI;

/** Parsing of the configured endpoint values that several providers share. */
final class Endpoints {
    static final String TOKEN_URL_ADVICE = "Check that tokenUrl (cxtoken.tokenUrl) or environment"
            + " points at the OAuth token endpoint";

    private Endpoints() {}

    static URI tokenUrl(String tokenUrl) throws InvalidConfigurationException {
        return Urls.checked(tokenUrl, "tokenUrl", " (parameter tokenUrl, property cxtoken.tokenUrl)",
                "https://auth.example.com/oauth/token");
    }
}
