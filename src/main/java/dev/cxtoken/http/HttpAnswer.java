package dev.cxtoken.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.cxtoken.TokenEndpointException;
import java.net.URI;
import java.util.Optional;

/**
 * A final answer of an exchange: a 2xx, or a refusal (4xx) that another attempt would not change. The body may hold
 * a token or echo a secret, so messages take only {@link #describe()} and {@link #excerpt}, which scrub it, and never
 * quote a 2xx body at all.
 */
public final class HttpAnswer {
    private static final int EXCERPT_CHARS = 200;

    private final HttpCall call;
    private final int status;
    private final String contentType;
    private final String body;
    private final int bodyBytes;
    private final Redactor redactor;

    HttpAnswer(HttpCall call, int status, String contentType, String body, int bodyBytes, Redactor redactor) {
        this.call = call;
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.bodyBytes = bodyBytes;
        this.redactor = redactor;
    }

    public int status() {
        return status;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public URI uri() {
        return call.uri;
    }

    /** The media type, lower case, already scrubbed. */
    public String contentType() {
        return contentType;
    }

    /** The body as sent. For parsing only: it may hold a token. */
    public String body() {
        return body;
    }

    public Redactor redactor() {
        return redactor;
    }

    /** The body as a JSON object, or empty when it is not one. */
    public Optional<JsonObject> jsonObject() {
        try {
            JsonElement element = JsonParser.parseString(body);
            return element.isJsonObject() ? Optional.of(element.getAsJsonObject()) : Optional.empty();
        } catch (JsonParseException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /**
     * The JSON object of a 2xx answer. Anything else in a 2xx is described by its type and length only: a
     * form-encoded or array answer may carry the token itself.
     */
    public JsonObject requireJsonObject() throws TokenEndpointException {
        Optional<JsonObject> json = jsonObject();
        if (json.isPresent()) {
            return json.get();
        }
        throw new TokenEndpointException("The answer from " + call.uri + " is not a " + call.answer + ": HTTP "
                + status + ", content type " + contentType + ", " + (body.trim().isEmpty() ? "an empty body"
                : bodyBytes + " bytes that are not a JSON object (not shown: they may hold a token)")
                + ". It may be a web page or a proxy's answer. " + call.targetAdvice + ".");
    }

    /** One scrubbed line of the body, at most {@code maxChars} long; empty for a 2xx, whose body is never shown. */
    public String excerpt(String text, int maxChars) {
        return isSuccess() ? "" : redactor.excerpt(text, contentType.contains("html"), maxChars);
    }

    /** "HTTP 400 (application/json): '...'": status, type and a scrubbed excerpt; a 2xx without its body. */
    public String describe() {
        if (isSuccess()) {
            return "HTTP " + status + " (" + contentType + ", " + bodyBytes + " bytes)";
        }
        String excerpt = excerpt(body, EXCERPT_CHARS);
        return "HTTP " + status + " (" + contentType + ")" + (excerpt.isEmpty() ? "" : ": '" + excerpt + "'");
    }

    @Override
    public String toString() {
        return "HttpAnswer{" + call.action + ", HTTP " + status + ", " + contentType + ", " + bodyBytes + " bytes}";
    }
}
