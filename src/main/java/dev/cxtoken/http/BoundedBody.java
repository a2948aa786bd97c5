package dev.cxtoken.http;

import dev.cxtoken.TokenEndpointException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Reads an answer's body up to a limit. A longer one aborts the exchange instead of being drained: closing a response
 * reads the rest of its body, so an endless one would hold the build.
 */
final class BoundedBody {
    static final int MAX_BYTES = 64 * 1024;

    final String text;
    final int bytes;

    private BoundedBody(String text, int bytes) {
        this.text = text;
        this.bytes = bytes;
    }

    static BoundedBody read(HttpEntity entity, HttpUriRequestBase request, HttpCall call, int status,
            String contentType) throws IOException, TokenEndpointException {
        if (entity == null) {
            return new BoundedBody("", 0);
        }
        if (entity.getContentLength() > MAX_BYTES) {
            request.cancel();
            throw tooLarge(call, status, contentType);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = entity.getContent()) {
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                bytes.write(buffer, 0, read);
                if (bytes.size() > MAX_BYTES) {
                    // Cancelling first closes the socket, so closing the stream does not read the rest.
                    request.cancel();
                    throw tooLarge(call, status, contentType);
                }
            }
        }
        return new BoundedBody(new String(bytes.toByteArray(), charsetOf(entity)), bytes.size());
    }

    private static TokenEndpointException tooLarge(HttpCall call, int status, String contentType) {
        return new TokenEndpointException("The answer from " + call.uri + " (HTTP " + status + ", " + contentType
                + ") is larger than " + (MAX_BYTES / 1024) + " KiB, which no " + call.answer + " is. "
                + call.targetAdvice + ".");
    }

    private static Charset charsetOf(HttpEntity entity) {
        try {
            ContentType type = entity.getContentType() == null ? null : ContentType.parse(entity.getContentType());
            return type != null && type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
