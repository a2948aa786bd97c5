package dev.cxtoken.oauth;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.http.HttpAnswer;
import java.net.URI;
import java.util.Locale;

/**
 * A token endpoint's definite refusal (RFC 6749 §5.2), as data: the status, the {@code error} code, the description
 * and {@code error_uri}, all scrubbed. The message states what the server said; the provider, which knows what the
 * codes mean for its server, adds the hint.
 */
public final class TokenRefusal extends CxTokenException {
    private static final long serialVersionUID = 1L;
    private static final int EXCERPT_CHARS = 200;

    private final URI uri;
    private final int status;
    private final String error;
    private final String description;
    private final String errorUri;
    private final String grantType;

    private TokenRefusal(String message, URI uri, int status, String error, String description, String errorUri,
            String grantType) {
        super(message);
        this.uri = uri;
        this.status = status;
        this.error = error;
        this.description = description;
        this.errorUri = errorUri;
        this.grantType = grantType;
    }

    static TokenRefusal of(HttpAnswer answer, String grantType) {
        String error = null;
        String description = null;
        String errorUri = null;
        if (answer.jsonObject().isPresent()) {
            com.google.gson.JsonObject json = answer.jsonObject().get();
            error = scrubbed(answer, JsonFields.string(json, "error"), 80);
            String d = JsonFields.string(json, "error_description");
            // Genesys Cloud writes "description" beside error_description.
            description = scrubbed(answer, d != null ? d : JsonFields.string(json, "description"), EXCERPT_CHARS);
            errorUri = scrubbed(answer, JsonFields.string(json, "error_uri"), EXCERPT_CHARS);
        }
        StringBuilder message = new StringBuilder("Token request to " + answer.uri() + " was rejected: HTTP "
                + answer.status());
        if (error != null) {
            message.append(", error '").append(error).append("'");
            if (description != null) {
                message.append(": ").append(description);
            }
            if (errorUri != null) {
                message.append(" (see ").append(errorUri).append(")");
            }
        } else {
            String excerpt = answer.excerpt(answer.body(), EXCERPT_CHARS);
            if (!excerpt.isEmpty()) {
                message.append(" (").append(answer.contentType()).append("): '").append(excerpt).append("'");
            }
        }
        return new TokenRefusal(message.append(".").toString(), answer.uri(), answer.status(), error, description,
                errorUri, grantType);
    }

    private static String scrubbed(HttpAnswer answer, String value, int maxChars) {
        return value == null ? null : answer.excerpt(value, maxChars);
    }

    public URI uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    /** The OAuth error code in lower case, or "" when the server gave none. */
    public String error() {
        return error == null ? "" : error.toLowerCase(Locale.ROOT);
    }

    /** The server's description, scrubbed, or null. */
    public String description() {
        return description;
    }

    /** The server's error_uri, scrubbed, or null. */
    public String errorUri() {
        return errorUri;
    }

    public String grantType() {
        return grantType;
    }

    @Override
    public boolean isUserFixable() {
        return true;
    }
}
