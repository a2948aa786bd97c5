package dev.cxtoken.http;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.TokenEndpointException;
import dev.cxtoken.TokenRequestRejectedException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;

/** Sorts one HTTP response of an exchange: a final answer, one to retry, or a failure. */
final class Answers {
    private static final int EXCERPT_CHARS = 200;

    private final HttpCall call;
    private final Redactor redactor;
    private final Clock clock;
    private final ProxyRoute proxy;

    Answers(HttpCall call, Redactor redactor, Clock clock, ProxyRoute proxy) {
        this.call = call;
        this.redactor = redactor;
        this.clock = clock;
        this.proxy = proxy;
    }

    /** A failed attempt that another may improve on: a retriable answer, or an I/O error worth a retry. */
    static final class Retriable extends Exception {
        private static final long serialVersionUID = 1L;
        final String reason;
        final Duration retryAfter;
        final boolean paced;

        Retriable(String reason, Duration retryAfter, boolean paced) {
            super(reason, null, false, false);
            this.reason = reason;
            this.retryAfter = retryAfter;
            this.paced = paced;
        }
    }

    /**
     * Statuses worth another attempt: request timeout, rate limit, the gateway errors, and the 52x codes a CDN in
     * front of the server sends when the server does not answer it.
     */
    static boolean isRetriable(int status) {
        return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504
                || (status >= 520 && status <= 524);
    }

    HttpAnswer interpret(ClassicHttpResponse response, HttpUriRequestBase request)
            throws IOException, CxTokenException, Retriable {
        int status = response.getCode();
        if (status >= 300 && status < 400) {
            request.cancel();
            Header location = response.getFirstHeader(HttpHeaders.LOCATION);
            throw new TokenRequestRejectedException(call.action + " to " + call.uri + " was redirected (HTTP "
                    + status + ") to " + (location == null ? "no Location" : redactor.excerpt(location.getValue(),
                    false, EXCERPT_CHARS)) + ". Redirects are not followed, because they would "
                    + (call.sendsCredentials() ? "resend the credentials" : "send the request") + " to another"
                    + " address. " + call.targetAdvice + ".");
        }
        String contentType = contentTypeOf(response);
        BoundedBody body = BoundedBody.read(response.getEntity(), request, call, status, contentType);
        HttpAnswer answer = new HttpAnswer(call, status, contentType, body.text, body.bytes, redactor);
        if (isRetriable(status)) {
            throw new Retriable(answer.describe(), retryAfter(response), status == 429 || status == 503);
        }
        if ((status >= 200 && status < 300) || (status >= 400 && status < 500)) {
            return answer;
        }
        throw new TokenEndpointException(call.action + " to " + call.uri + " failed: " + answer.describe()
                + ". The server is misbehaving; try again later or contact its operator.");
    }

    /**
     * When a proxy refuses a CONNECT, HttpClient hands back the proxy's answer as if the endpoint had sent it. An https
     * exchange without a TLS session can only be such an answer.
     */
    boolean answeredByProxy(HttpClientContext context) {
        return "https".equalsIgnoreCase(call.uri.getScheme()) && context.getSSLSession() == null;
    }

    /** The proxy's refusal: retriable when it is a 5xx, else a failure naming the proxy and what to change. */
    CxTokenException proxyRefusal(ClassicHttpResponse response, HttpUriRequestBase request, HttpClientContext context)
            throws IOException, CxTokenException, Retriable {
        int status = response.getCode();
        String contentType = contentTypeOf(response);
        BoundedBody body = BoundedBody.read(response.getEntity(), request, call, status, contentType);
        HttpAnswer answer = new HttpAnswer(call, status, contentType, body.text, body.bytes, redactor);
        Object chosen = context.getAttribute(ProxyRoute.CHOSEN_PROXY);
        HttpHost proxyHost = chosen instanceof HttpHost ? (HttpHost) chosen : null;
        String what = "the proxy " + (proxyHost == null ? "" : proxyHost.getHostName() + ":" + proxyHost.getPort()
                + " ") + "(" + proxy.source() + ") answered " + answer.describe() + " instead of opening a tunnel to "
                + call.uri.getHost();
        if (status >= 500) {
            throw new Retriable(what, retryAfter(response), false);
        }
        String advice = status == 407 ? proxy.authenticationAdvice()
                : "The proxy does not let this machine reach that host: ask its operators to allow it, or "
                        + proxy.exemptionAdvice() + " if it is reachable without the proxy.";
        return new TokenRequestRejectedException(call.action + " to " + call.uri + " failed: " + what + ". "
                + advice);
    }

    private Duration retryAfter(ClassicHttpResponse response) {
        String value = Exchanger.headerValue(response.getFirstHeader(HttpHeaders.RETRY_AFTER));
        return RetryAfter.parse(value, clock).orElse(null);
    }

    /** The media type only, scrubbed, and cut to the characters a media type has. */
    private String contentTypeOf(ClassicHttpResponse response) {
        String value = Exchanger.headerValue(response.getFirstHeader(HttpHeaders.CONTENT_TYPE));
        if (value == null || value.trim().isEmpty()) {
            return "no content type";
        }
        // Scrubbed whole, before it is cut: a secret holding ';' would otherwise lose its tail and not be recognised.
        String type = redactor.scrub(value).split(";")[0].trim().toLowerCase(Locale.ROOT);
        String clean = type.replaceAll("[^a-z0-9!#$&^_.+*/-]", "?");
        return clean.length() <= 60 ? clean : clean.substring(0, 60) + "…";
    }
}
