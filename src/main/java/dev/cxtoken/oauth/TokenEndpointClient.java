package dev.cxtoken.oauth;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.util.Timeout;

/**
 * Performs one token request over Apache HttpClient 5, with retries on 429, 5xx gateways and I/O errors, a deadline
 * over the whole exchange, bounded bodies, no redirects and connections that never log secrets.
 *
 * <p>The retry loop lives here rather than in HttpClient's {@code HttpRequestRetryExec}, because that executor never
 * waits between I/O retries, silently stops retrying when a wait exceeds the response timeout, and drains a body when
 * it closes a response; none of that fits a bounded, logged fetch.
 */
public final class TokenEndpointClient {
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int EXCERPT_CHARS = 200;

    private final HttpSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final TokenLog log;
    private final RetryPolicy retryPolicy;
    private final String userAgent;
    private final ProxyRoute proxy;

    /** Waits between attempts; tests may substitute their own. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());
    }

    public TokenEndpointClient(HttpSettings settings, Clock clock, Sleeper sleeper, DoubleSupplier jitter,
            TokenLog log, String userAgent, ProxyRoute proxy) {
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.log = log;
        this.retryPolicy = new RetryPolicy(settings.maxAttempts(), jitter);
        this.userAgent = userAgent;
        this.proxy = proxy;
    }

    /** The result of one attempt that did not produce a token but may be retried. */
    private static final class RetryableFailure {
        final String reason;
        final Duration retryAfter;

        RetryableFailure(String reason, Duration retryAfter) {
            this.reason = reason;
            this.retryAfter = retryAfter;
        }
    }

    public AccessToken fetch(TokenRequest request) throws CxTokenException {
        Redactor redactor = new Redactor(request.secretForms());
        Instant deadline = clock.instant().plus(settings.timeout());
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cx-token-deadline");
            thread.setDaemon(true);
            return thread;
        });
        try (CloseableHttpClient client = buildClient(deadline)) {
            int failures = 0;
            for (int attempt = 1; ; attempt++) {
                Duration remaining = Duration.between(clock.instant(), deadline);
                if (remaining.isNegative() || remaining.isZero()) {
                    throw timedOut(request, attempt - 1, "no time left for another attempt");
                }
                Object outcome = attempt(client, request, redactor, remaining, watchdog, attempt);
                if (outcome instanceof AccessToken) {
                    return (AccessToken) outcome;
                }
                RetryableFailure failure = (RetryableFailure) outcome;
                Duration left = Duration.between(clock.instant(), deadline);
                RetryPolicy.Decision decision = retryPolicy.afterFailure(failures, failure.retryAfter, left);
                if (decision.counted) {
                    failures++;
                }
                if (!decision.retry()) {
                    throw new TokenEndpointException("No token from " + request.uri() + ": " + failure.reason + "; "
                            + decision.stopReason + (attempt > failures && failures > 0 ? ", " + attempt
                            + " requests in all" : "") + ". " + adviceForUnavailableServer());
                }
                if (decision.scheduledByServer()) {
                    log.warn("Token request to " + request.endpoint().hostForDisplay() + " was turned away: "
                            + failure.reason + "; retrying in " + RetryPolicy.seconds(decision.wait)
                            + " s as the server asked (Retry-After " + RetryPolicy.seconds(failure.retryAfter)
                            + " s).");
                } else {
                    log.warn("Token request attempt " + failures + " of " + settings.maxAttempts() + " to "
                            + request.endpoint().hostForDisplay() + " failed: " + failure.reason + "; retrying in "
                            + RetryPolicy.seconds(decision.wait) + " s.");
                }
                try {
                    sleeper.sleep(decision.wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TokenEndpointException("Interrupted while waiting to retry the token request to "
                            + request.uri() + ".");
                }
            }
        } catch (IOException e) {
            // Only closing the client can land here.
            throw new TokenEndpointException("Could not release the HTTP client: " + e.getClass().getSimpleName(), e);
        } finally {
            watchdog.shutdownNow();
        }
    }

    private Object attempt(CloseableHttpClient client, TokenRequest request, Redactor redactor, Duration remaining,
            ScheduledExecutorService watchdog, int attempt) throws CxTokenException {
        HttpPost post = newPost(request, remaining);
        ScheduledFuture<?> cancel = watchdog.schedule(post::cancel, remaining.toMillis(), TimeUnit.MILLISECONDS);
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(null, post, null);
            return interpret(response, post, request, redactor);
        } catch (IOException e) {
            if (post.isCancelled()) {
                throw timedOut(request, attempt, "attempt " + attempt + " was still running");
            }
            if (!isRetriable(e)) {
                throw new TokenEndpointException("Token request to " + request.uri() + " failed: "
                        + describe(e, request) + tlsAdvice(e, request), e);
            }
            return new RetryableFailure(describe(e, request), null);
        } finally {
            cancel.cancel(false);
            if (response != null) {
                try {
                    response.close();
                } catch (IOException ignored) {
                    // The answer was read or abandoned already; nothing is lost.
                }
            }
        }
    }

    private HttpPost newPost(TokenRequest request, Duration remaining) {
        HttpPost post = new HttpPost(request.uri());
        List<NameValuePair> fields = new ArrayList<>();
        for (Map.Entry<String, String> field : request.form().entrySet()) {
            fields.add(new BasicNameValuePair(field.getKey(), field.getValue()));
        }
        post.setEntity(new UrlEncodedFormEntity(fields, StandardCharsets.UTF_8));
        if (request.authorization() != null) {
            post.setHeader(HttpHeaders.AUTHORIZATION, request.authorization().reveal());
        }
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        post.setHeader(HttpHeaders.USER_AGENT, userAgent);
        Duration responseTimeout = min(settings.responseTimeout(), remaining);
        post.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(Math.max(1, responseTimeout.toMillis())))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(Math.max(1, remaining.toMillis())))
                .setRedirectsEnabled(false)
                .build());
        return post;
    }

    private CloseableHttpClient buildClient(Instant deadline) {
        HttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(QuietConnectionFactory.INSTANCE)
                .setTlsSocketStrategy(DefaultClientTlsStrategy.createSystemDefault())
                // Resolved per connection, so a late attempt's connect timeout never outlives the deadline.
                .setConnectionConfigResolver(route -> {
                    Duration remaining = Duration.between(clock.instant(), deadline);
                    Duration connect = min(settings.connectTimeout(), remaining);
                    return ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.ofMilliseconds(Math.max(1, connect.toMillis())))
                            .setSocketTimeout(Timeout.ofMilliseconds(settings.responseTimeout().toMillis()))
                            .build();
                })
                .build();
        return proxy.configure(HttpClients.custom())
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    private Object interpret(ClassicHttpResponse response, HttpPost post, TokenRequest request, Redactor redactor)
            throws IOException, CxTokenException {
        int status = response.getCode();
        if (status >= 300 && status < 400) {
            post.cancel();
            Header location = response.getFirstHeader(HttpHeaders.LOCATION);
            throw new TokenRequestRejectedException("Token request to " + request.uri() + " was redirected (HTTP "
                    + status + ") to " + (location == null ? "no Location" : redactor.excerpt(location.getValue(),
                    false, EXCERPT_CHARS)) + ". Redirects are not followed, because they would resend the credentials"
                    + " to another address. Set tokenUrl (cxtoken.tokenUrl) or environment to the real endpoint.");
        }
        String contentType = contentTypeOf(response);
        String body = readBounded(response.getEntity(), post, request, status, contentType);
        if (status == 429 || status == 500 || status == 502 || status == 503 || status == 504) {
            return new RetryableFailure(describeAnswer(status, contentType, body, redactor),
                    retryAfter(response).orElse(null));
        }
        if (status >= 200 && status < 300) {
            return parseToken(request, status, contentType, body, redactor);
        }
        Optional<JsonObject> json = TokenResponseParser.parseObject(body);
        if (status >= 400 && status < 500) {
            throw rejected(request, status, contentType, body, json, redactor);
        }
        throw new TokenEndpointException("Token request to " + request.uri() + " failed: "
                + describeAnswer(status, contentType, body, redactor) + ". The server is misbehaving; try again later"
                + " or contact its operator.");
    }

    private AccessToken parseToken(TokenRequest request, int status, String contentType, String body,
            Redactor redactor) throws TokenEndpointException {
        Optional<JsonObject> json = TokenResponseParser.parseObject(body);
        if (!json.isPresent()) {
            throw new TokenEndpointException("The answer from " + request.uri() + " is not a token response: HTTP "
                    + status + ", content type " + contentType + ", not a JSON object"
                    + (body.trim().isEmpty() ? " (empty body)" : ", starting '" + redactor.excerpt(body,
                    isHtml(contentType), 80) + "'") + ". Check that tokenUrl (cxtoken.tokenUrl) or environment points"
                    + " at the OAuth token endpoint, not at a web page or a proxy's error page.");
        }
        String accessToken = TokenResponseParser.stringField(json.get(), "access_token");
        if (accessToken == null) {
            throw new TokenEndpointException("The answer from " + request.uri() + " (HTTP " + status + ") has no"
                    + " access_token; its fields are " + json.get().keySet() + ". Check that tokenUrl"
                    + " (cxtoken.tokenUrl) is the OAuth token endpoint.");
        }
        Instant now = clock.instant();
        Optional<Long> expiresIn = TokenResponseParser.expiresInSeconds(json.get());
        Instant expiresAt;
        if (expiresIn.isPresent()) {
            expiresAt = now.plusSeconds(expiresIn.get());
        } else {
            Optional<Instant> jwtExpiry = TokenResponseParser.jwtExpiry(accessToken);
            if (jwtExpiry.isPresent() && jwtExpiry.get().isAfter(now)) {
                expiresAt = jwtExpiry.get();
                log.warn("The token response from " + request.endpoint().hostForDisplay() + " has no expires_in;"
                        + " using the token's own exp claim (" + expiresAt + ").");
            } else {
                expiresAt = now.plus(TokenResponseParser.ASSUMED_LIFETIME);
                log.warn("The token response from " + request.endpoint().hostForDisplay() + " has no expires_in;"
                        + " assuming the token lives " + TokenResponseParser.ASSUMED_LIFETIME.toMinutes()
                        + " minutes.");
            }
        }
        return new AccessToken(Secret.of(accessToken), now, expiresAt, request.endpoint().apiBaseUrl());
    }

    private TokenRequestRejectedException rejected(TokenRequest request, int status, String contentType, String body,
            Optional<JsonObject> json, Redactor redactor) {
        String error = json.map(o -> TokenResponseParser.stringField(o, "error")).orElse(null);
        String description = json.map(o -> {
            String d = TokenResponseParser.stringField(o, "error_description");
            return d != null ? d : TokenResponseParser.stringField(o, "description");
        }).orElse(null);
        StringBuilder message = new StringBuilder("Token request to " + request.uri() + " was rejected: HTTP " + status);
        if (error != null) {
            message.append(", error '").append(redactor.excerpt(error, false, 80)).append("'");
            if (description != null) {
                message.append(": ").append(redactor.excerpt(description, false, EXCERPT_CHARS));
            }
        } else if (!body.trim().isEmpty()) {
            message.append(" (").append(contentType).append("): '")
                    .append(redactor.excerpt(body, isHtml(contentType), EXCERPT_CHARS)).append("'");
        }
        message.append(". ").append(OAuthErrorHints.hintFor(error, status, request));
        return new TokenRequestRejectedException(message.toString());
    }

    /** Reads at most {@link #MAX_BODY_BYTES}; a longer body aborts the exchange rather than being drained. */
    private String readBounded(HttpEntity entity, HttpPost post, TokenRequest request, int status, String contentType)
            throws IOException, TokenEndpointException {
        if (entity == null) {
            return "";
        }
        if (entity.getContentLength() > MAX_BODY_BYTES) {
            post.cancel();
            throw tooLarge(request, status, contentType);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = entity.getContent()) {
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                bytes.write(buffer, 0, read);
                if (bytes.size() > MAX_BODY_BYTES) {
                    // Cancelling first closes the socket, so closing the stream does not read the rest.
                    post.cancel();
                    throw tooLarge(request, status, contentType);
                }
            }
        }
        return new String(bytes.toByteArray(), charsetOf(entity));
    }

    private static TokenEndpointException tooLarge(TokenRequest request, int status, String contentType) {
        return new TokenEndpointException("The answer from " + request.uri() + " (HTTP " + status + ", " + contentType
                + ") is larger than " + (MAX_BODY_BYTES / 1024) + " KiB, which no token response is. Check that"
                + " tokenUrl (cxtoken.tokenUrl) or environment points at the OAuth token endpoint.");
    }

    private Optional<Duration> retryAfter(ClassicHttpResponse response) {
        Header header = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        if (header == null || header.getValue() == null) {
            return Optional.empty();
        }
        String value = header.getValue().trim();
        try {
            long seconds = Long.parseLong(value);
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                log.debug("Ignoring a Retry-After header that is neither seconds nor an HTTP date.");
                return Optional.empty();
            }
        }
    }

    private static boolean isRetriable(IOException e) {
        if (e instanceof UnknownHostException || e instanceof SSLException) {
            return false;
        }
        return !(e instanceof InterruptedIOException) || e instanceof SocketTimeoutException
                || e instanceof ConnectTimeoutException;
    }

    private String describe(IOException e, TokenRequest request) {
        String host = request.endpoint().hostForDisplay();
        if (e instanceof UnknownHostException) {
            return "the host name " + request.uri().getHost() + " cannot be resolved (check environment or tokenUrl,"
                    + " and this machine's DNS and proxy settings)";
        }
        if (e instanceof ConnectTimeoutException) {
            return "no connection to " + host + " within " + settings.connectTimeout().getSeconds() + " s";
        }
        if (e instanceof HttpHostConnectException || e instanceof ConnectException) {
            return "connection to " + host + " refused";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to " + host;
        }
        if (e instanceof SocketTimeoutException) {
            return "no answer from " + host + " within the response timeout of "
                    + settings.responseTimeout().getSeconds() + " s";
        }
        if (e instanceof NoHttpResponseException) {
            return host + " closed the connection without answering";
        }
        if (e instanceof SSLHandshakeException) {
            return "the TLS handshake with " + host + " failed (" + e.getMessage() + ")";
        }
        if (e instanceof SocketException) {
            return "the connection to " + host + " broke (" + e.getMessage() + ")";
        }
        return e.getClass().getSimpleName() + " talking to " + host
                + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }

    private static String tlsAdvice(IOException e, TokenRequest request) {
        if (!(e instanceof SSLException)) {
            return ".";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException) {
                return ". This JVM does not trust the certificate of " + request.uri().getHost() + ". If a corporate"
                        + " proxy or private CA signs it, add that CA to a trust store and run Maven with"
                        + " -Djavax.net.ssl.trustStore=<file> (in MAVEN_OPTS or .mvn/jvm.config), or import it into"
                        + " the JVM's cacerts with keytool. Certificate checks cannot be switched off.";
            }
        }
        return ". Check the endpoint's TLS setup and any TLS-intercepting proxy.";
    }

    private TokenEndpointException timedOut(TokenRequest request, int attempts, String detail) {
        return new TokenEndpointException("No token from " + request.uri() + " within the timeout of "
                + settings.timeout().getSeconds() + " s (" + detail + "; " + attempts
                + (attempts == 1 ? " attempt" : " attempts") + " in all). " + adviceForUnavailableServer());
    }

    private static String adviceForUnavailableServer() {
        return "Check that the endpoint is reachable from this machine (proxy, firewall), or raise timeout"
                + " (cxtoken.timeout) and maxAttempts (cxtoken.maxAttempts).";
    }

    private static String describeAnswer(int status, String contentType, String body, Redactor redactor) {
        String excerpt = redactor.excerpt(body, isHtml(contentType), EXCERPT_CHARS);
        return "HTTP " + status + " (" + contentType + ")" + (excerpt.isEmpty() ? "" : ": '" + excerpt + "'");
    }

    private static String contentTypeOf(ClassicHttpResponse response) {
        Header header = response.getFirstHeader(HttpHeaders.CONTENT_TYPE);
        return header == null || header.getValue() == null ? "no content type"
                : header.getValue().split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isHtml(String contentType) {
        return contentType.contains("html");
    }

    private static Charset charsetOf(HttpEntity entity) {
        try {
            ContentType type = entity.getContentType() == null ? null : ContentType.parse(entity.getContentType());
            return type != null && type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
