package dev.cxtoken.oauth;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
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
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.net.NamedEndpoint;
import org.apache.hc.core5.util.Timeout;

/**
 * Performs the plugin's HTTP exchanges over Apache HttpClient 5: token requests, and the JSON documents some providers
 * need around them (CXone's OpenID discovery and tenant configuration). Every exchange gets the same treatment:
 * retries on 429, 5xx gateways and I/O errors, a deadline over the whole exchange, bounded bodies, no redirects,
 * connections that never log secrets, and server text scrubbed of the secrets before it reaches a message.
 *
 * <p>The retry loop lives here rather than in HttpClient's {@code HttpRequestRetryExec}, because that executor never
 * waits between I/O retries, silently stops retrying when a wait exceeds the response timeout, and drains a body when
 * it closes a response; none of that fits a bounded, logged fetch.
 */
public final class TokenEndpointClient {
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int EXCERPT_CHARS = 200;
    private static final String TOKEN_ENDPOINT_ADVICE =
            "Check that tokenUrl (cxtoken.tokenUrl) or environment points at the OAuth token endpoint";

    private final HttpSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final TokenLog log;
    private final RetryPolicy retryPolicy;
    private final String userAgent;
    private final ProxyRoute proxy;
    private final TlsSocketStrategy tls;
    private final DnsResolver dns;

    /**
     * The JVM's default TLS set-up (its trust store, protocols and cipher suites), created on the first https
     * connection rather than with the client: creating it reads the trust store, which takes a few hundred
     * milliseconds and which executions that reuse a cached token never need.
     */
    private static final class JvmDefaultTls implements TlsSocketStrategy {
        private volatile TlsSocketStrategy strategy;

        @Override
        public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
                throws IOException {
            TlsSocketStrategy created = strategy;
            if (created == null) {
                synchronized (this) {
                    if (strategy == null) {
                        strategy = DefaultClientTlsStrategy.createSystemDefault();
                    }
                    created = strategy;
                }
            }
            return created.upgrade(socket, target, port, attachment, context);
        }
    }

    /** Waits between attempts; tests may substitute their own. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());
    }

    /**
     * A client that trusts what the JVM trusts: its default trust store, which {@code -Djavax.net.ssl.trustStore}
     * replaces. Certificate and host name checks are always on; there is deliberately no way to turn them off.
     */
    public TokenEndpointClient(HttpSettings settings, Clock clock, Sleeper sleeper, DoubleSupplier jitter,
            TokenLog log, String userAgent, ProxyRoute proxy) {
        this(settings, clock, sleeper, jitter, log, userAgent, proxy, new JvmDefaultTls(),
                SystemDefaultDnsResolver.INSTANCE);
    }

    /**
     * For tests: trust comes from the given TLS strategy and names from the given resolver, so a test can trust its own
     * CA and name its own hosts without changing JVM-wide state.
     */
    TokenEndpointClient(HttpSettings settings, Clock clock, Sleeper sleeper, DoubleSupplier jitter, TokenLog log,
            String userAgent, ProxyRoute proxy, TlsSocketStrategy tls, DnsResolver dns) {
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.log = log;
        this.retryPolicy = new RetryPolicy(settings.maxAttempts(), jitter);
        this.userAgent = userAgent;
        this.proxy = proxy;
        this.tls = tls;
        this.dns = dns;
    }

    /** Reads the JSON object of a 2xx answer into the exchange's result. */
    @FunctionalInterface
    private interface AnswerReader<T> {
        T read(int status, JsonObject json) throws CxTokenException;
    }

    /** Turns a 4xx answer into the exception the user sees. */
    @FunctionalInterface
    private interface Refusal {
        CxTokenException describe(int status, String contentType, String body, Optional<JsonObject> json);
    }

    /** One exchange as the shared machinery sees it: what to send, what to call it in messages, how to read it. */
    private static final class Exchange<T> {
        /** Starts messages: "Token request", "OpenID discovery request". */
        final String action;
        /** What the exchange is after, for "No token from ...": "token", "discovery document". */
        final String result;
        /** What a good answer is: "token response", "discovery document". */
        final String answer;
        final URI uri;
        /** The form to POST, or null to GET. */
        final Map<String, String> form;
        final Secret authorization;
        final Redactor redactor;
        /** What the user should check when the URL does not serve what was expected. */
        final String targetAdvice;
        final AnswerReader<T> reader;
        final Refusal refusal;

        Exchange(String action, String result, String answer, URI uri, Map<String, String> form, Secret authorization,
                Redactor redactor, String targetAdvice, AnswerReader<T> reader, Refusal refusal) {
            this.action = action;
            this.result = result;
            this.answer = answer;
            this.uri = uri;
            this.form = form;
            this.authorization = authorization;
            this.redactor = redactor;
            this.targetAdvice = targetAdvice;
            this.reader = reader;
            this.refusal = refusal;
        }

        String host() {
            return TokenEndpoint.hostForDisplay(uri);
        }
    }

    /** The result of one attempt that did not produce an answer but may be retried. */
    private static final class RetryableFailure {
        final String reason;
        final Duration retryAfter;

        RetryableFailure(String reason, Duration retryAfter) {
            this.reason = reason;
            this.retryAfter = retryAfter;
        }
    }

    /** The deadline of a fetch starting now; exchanges that belong to one fetch share it. */
    Instant newDeadline() {
        return clock.instant().plus(settings.timeout());
    }

    public AccessToken fetch(TokenRequest request) throws CxTokenException {
        return fetch(request, newDeadline());
    }

    AccessToken fetch(TokenRequest request, Instant deadline) throws CxTokenException {
        Redactor redactor = new Redactor(request.secretForms());
        return execute(new Exchange<>("Token request", "token", "token response", request.uri(), request.form(),
                request.authorization(), redactor, TOKEN_ENDPOINT_ADVICE,
                (status, json) -> parseToken(request, status, json),
                (status, contentType, body, json) -> rejected(request, status, contentType, body, json, redactor)),
                deadline);
    }

    /**
     * GETs a JSON document that carries no credentials.
     *
     * @param action starts messages, e.g. "OpenID discovery request"
     * @param answer what a good answer is, e.g. "discovery document"
     * @param targetAdvice what to check when the URL does not serve that document
     * @param secretForms secrets to scrub from anything the server says
     */
    JsonObject getJson(URI uri, String action, String answer, String targetAdvice, List<String> secretForms,
            Instant deadline) throws CxTokenException {
        Redactor redactor = new Redactor(secretForms);
        return execute(new Exchange<>(action, answer, answer, uri, null, null, redactor, targetAdvice,
                (status, json) -> json,
                (status, contentType, body, json) -> new TokenRequestRejectedException(action + " to " + uri
                        + " was rejected: " + describeAnswer(status, contentType, body, redactor) + ". "
                        + targetAdvice + ".")),
                deadline);
    }

    private <T> T execute(Exchange<T> exchange, Instant deadline) throws CxTokenException {
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
                    throw timedOut(exchange, attempt - 1, "no time left for another attempt");
                }
                Object outcome = attempt(client, exchange, remaining, watchdog, attempt);
                if (!(outcome instanceof RetryableFailure)) {
                    @SuppressWarnings("unchecked")
                    T answer = (T) outcome;
                    return answer;
                }
                RetryableFailure failure = (RetryableFailure) outcome;
                Duration left = Duration.between(clock.instant(), deadline);
                RetryPolicy.Decision decision = retryPolicy.afterFailure(failures, failure.retryAfter, left);
                if (decision.counted) {
                    failures++;
                }
                if (!decision.retry()) {
                    throw new TokenEndpointException("No " + exchange.result + " from " + exchange.uri + ": "
                            + failure.reason + "; " + decision.stopReason + (attempt > failures && failures > 0
                            ? ", " + attempt + " requests in all" : "") + ". " + adviceForUnavailableServer());
                }
                if (decision.scheduledByServer()) {
                    log.warn(exchange.action + " to " + exchange.host() + " was turned away: " + failure.reason
                            + "; retrying in " + RetryPolicy.seconds(decision.wait) + " s as the server asked"
                            + " (Retry-After " + RetryPolicy.seconds(failure.retryAfter) + " s).");
                } else {
                    log.warn(exchange.action + " attempt " + failures + " of " + settings.maxAttempts() + " to "
                            + exchange.host() + " failed: " + failure.reason + "; retrying in "
                            + RetryPolicy.seconds(decision.wait) + " s.");
                }
                try {
                    sleeper.sleep(decision.wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TokenEndpointException("Interrupted while waiting to retry the "
                            + exchange.action.toLowerCase(Locale.ROOT) + " to " + exchange.uri + ".");
                }
            }
        } catch (IOException e) {
            // Only closing the client can land here.
            throw new TokenEndpointException("Could not release the HTTP client: " + e.getClass().getSimpleName(), e);
        } finally {
            watchdog.shutdownNow();
        }
    }

    private Object attempt(CloseableHttpClient client, Exchange<?> exchange, Duration remaining,
            ScheduledExecutorService watchdog, int attempt) throws CxTokenException {
        HttpUriRequestBase request = newRequest(exchange, remaining);
        ScheduledFuture<?> cancel = watchdog.schedule(request::cancel, remaining.toMillis(), TimeUnit.MILLISECONDS);
        ClassicHttpResponse response = null;
        try {
            HttpClientContext context = HttpClientContext.create();
            response = client.executeOpen(null, request, context);
            if (answeredByProxy(exchange, context)) {
                return proxyRefusal(response, request, exchange, context);
            }
            return interpret(response, request, exchange);
        } catch (IOException e) {
            if (request.isCancelled()) {
                throw timedOut(exchange, attempt, "attempt " + attempt + " was still running");
            }
            if (!isRetriable(e)) {
                throw new TokenEndpointException(exchange.action + " to " + exchange.uri + " failed: "
                        + describe(e, exchange) + tlsAdvice(e, exchange), e);
            }
            return new RetryableFailure(describe(e, exchange), null);
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

    private HttpUriRequestBase newRequest(Exchange<?> exchange, Duration remaining) {
        HttpUriRequestBase request;
        if (exchange.form == null) {
            request = new HttpGet(exchange.uri);
        } else {
            HttpPost post = new HttpPost(exchange.uri);
            List<NameValuePair> fields = new ArrayList<>();
            for (Map.Entry<String, String> field : exchange.form.entrySet()) {
                fields.add(new BasicNameValuePair(field.getKey(), field.getValue()));
            }
            post.setEntity(new UrlEncodedFormEntity(fields, StandardCharsets.UTF_8));
            request = post;
        }
        if (exchange.authorization != null) {
            request.setHeader(HttpHeaders.AUTHORIZATION, exchange.authorization.reveal());
        }
        request.setHeader(HttpHeaders.ACCEPT, "application/json");
        request.setHeader(HttpHeaders.USER_AGENT, userAgent);
        Duration responseTimeout = min(settings.responseTimeout(), remaining);
        request.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(Math.max(1, responseTimeout.toMillis())))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(Math.max(1, remaining.toMillis())))
                .setRedirectsEnabled(false)
                .build());
        return request;
    }

    private CloseableHttpClient buildClient(Instant deadline) {
        HttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(QuietConnectionFactory.INSTANCE)
                .setTlsSocketStrategy(tls)
                .setDnsResolver(dns)
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

    private Object interpret(ClassicHttpResponse response, HttpUriRequestBase request, Exchange<?> exchange)
            throws IOException, CxTokenException {
        int status = response.getCode();
        Redactor redactor = exchange.redactor;
        if (status >= 300 && status < 400) {
            request.cancel();
            Header location = response.getFirstHeader(HttpHeaders.LOCATION);
            throw new TokenRequestRejectedException(exchange.action + " to " + exchange.uri + " was redirected (HTTP "
                    + status + ") to " + (location == null ? "no Location" : redactor.excerpt(location.getValue(),
                    false, EXCERPT_CHARS)) + ". Redirects are not followed, because they would "
                    + (exchange.form == null ? "send the request" : "resend the credentials") + " to another address. "
                    + exchange.targetAdvice + ".");
        }
        String contentType = contentTypeOf(response);
        String body = readBounded(response.getEntity(), request, exchange, status, contentType);
        if (status == 429 || status == 500 || status == 502 || status == 503 || status == 504) {
            return new RetryableFailure(describeAnswer(status, contentType, body, redactor),
                    retryAfter(response).orElse(null));
        }
        Optional<JsonObject> json = TokenResponseParser.parseObject(body);
        if (status >= 200 && status < 300) {
            if (!json.isPresent()) {
                throw new TokenEndpointException("The answer from " + exchange.uri + " is not a " + exchange.answer
                        + ": HTTP " + status + ", content type " + contentType + ", not a JSON object"
                        + (body.trim().isEmpty() ? " (empty body)" : ", starting '" + redactor.excerpt(body,
                        isHtml(contentType), 80) + "'") + ". It may be a web page or a proxy's error page. "
                        + exchange.targetAdvice + ".");
            }
            return exchange.reader.read(status, json.get());
        }
        if (status >= 400 && status < 500) {
            throw exchange.refusal.describe(status, contentType, body, json);
        }
        throw new TokenEndpointException(exchange.action + " to " + exchange.uri + " failed: "
                + describeAnswer(status, contentType, body, redactor) + ". The server is misbehaving; try again later"
                + " or contact its operator.");
    }

    /**
     * When a proxy refuses a CONNECT, HttpClient hands back the proxy's answer as if the endpoint had sent it. An https
     * exchange without a TLS session can only be such an answer.
     */
    private static boolean answeredByProxy(Exchange<?> exchange, HttpClientContext context) {
        return "https".equalsIgnoreCase(exchange.uri.getScheme()) && context.getSSLSession() == null;
    }

    private Object proxyRefusal(ClassicHttpResponse response, HttpUriRequestBase request, Exchange<?> exchange,
            HttpClientContext context) throws IOException, CxTokenException {
        int status = response.getCode();
        String contentType = contentTypeOf(response);
        String body = readBounded(response.getEntity(), request, exchange, status, contentType);
        Object chosen = context.getAttribute(ProxyRoute.CHOSEN_PROXY);
        HttpHost proxyHost = chosen instanceof HttpHost ? (HttpHost) chosen : null;
        String what = "the proxy "
                + (proxyHost == null ? "" : proxyHost.getHostName() + ":" + proxyHost.getPort() + " ")
                + "(" + proxy.source() + ") answered " + describeAnswer(status, contentType, body, exchange.redactor)
                + " instead of opening a tunnel to " + exchange.uri.getHost();
        if (status >= 500) {
            return new RetryableFailure(what, retryAfter(response).orElse(null));
        }
        String advice = status == 407 ? proxy.authenticationAdvice()
                : "The proxy does not let this machine reach that host: ask its operators to allow it, or list the"
                        + " host in the proxy's nonProxyHosts if it is reachable without the proxy.";
        throw new TokenRequestRejectedException(exchange.action + " to " + exchange.uri + " failed: " + what + ". "
                + advice);
    }

    private AccessToken parseToken(TokenRequest request, int status, JsonObject json) throws TokenEndpointException {
        String accessToken = TokenResponseParser.stringField(json, "access_token");
        if (accessToken == null) {
            throw new TokenEndpointException("The answer from " + request.uri() + " (HTTP " + status + ") has no"
                    + " access_token; its fields are " + json.keySet() + ". Check that tokenUrl"
                    + " (cxtoken.tokenUrl) is the OAuth token endpoint.");
        }
        Instant now = clock.instant();
        Optional<Long> expiresIn = TokenResponseParser.expiresInSeconds(json);
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
        String idToken = TokenResponseParser.stringField(json, "id_token");
        return new AccessToken(Secret.of(accessToken), now, expiresAt, request.endpoint().apiBaseUrl(),
                idToken == null ? null : Secret.of(idToken));
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
    private String readBounded(HttpEntity entity, HttpUriRequestBase request, Exchange<?> exchange, int status,
            String contentType) throws IOException, TokenEndpointException {
        if (entity == null) {
            return "";
        }
        if (entity.getContentLength() > MAX_BODY_BYTES) {
            request.cancel();
            throw tooLarge(exchange, status, contentType);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = entity.getContent()) {
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                bytes.write(buffer, 0, read);
                if (bytes.size() > MAX_BODY_BYTES) {
                    // Cancelling first closes the socket, so closing the stream does not read the rest.
                    request.cancel();
                    throw tooLarge(exchange, status, contentType);
                }
            }
        }
        return new String(bytes.toByteArray(), charsetOf(entity));
    }

    private static TokenEndpointException tooLarge(Exchange<?> exchange, int status, String contentType) {
        return new TokenEndpointException("The answer from " + exchange.uri + " (HTTP " + status + ", " + contentType
                + ") is larger than " + (MAX_BODY_BYTES / 1024) + " KiB, which no " + exchange.answer + " is. "
                + exchange.targetAdvice + ".");
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

    private String describe(IOException e, Exchange<?> exchange) {
        String host = exchange.host();
        if (e instanceof UnknownHostException) {
            return "the host name " + exchange.uri.getHost() + " cannot be resolved (check environment or tokenUrl,"
                    + " and this machine's DNS and proxy settings)";
        }
        if (e instanceof ConnectTimeoutException) {
            return "no connection to " + firstHop(((ConnectTimeoutException) e).getHost(), exchange) + " within "
                    + settings.connectTimeout().getSeconds() + " s";
        }
        if (e instanceof HttpHostConnectException) {
            return "connection to " + firstHop(((HttpHostConnectException) e).getHost(), exchange) + " refused";
        }
        if (e instanceof ConnectException) {
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

    /** The endpoint itself, or the proxy in front of it, whichever the failed connection was meant for. */
    private String firstHop(NamedEndpoint endpoint, Exchange<?> exchange) {
        if (endpoint == null || endpoint.getHostName().equalsIgnoreCase(exchange.uri.getHost())) {
            return exchange.host();
        }
        return "the proxy " + endpoint.getHostName() + ":" + endpoint.getPort() + " (" + proxy.source() + ")";
    }

    private static String tlsAdvice(IOException e, Exchange<?> exchange) {
        if (!(e instanceof SSLException)) {
            return ".";
        }
        String host = exchange.uri.getHost();
        if (isWrongHostName(e)) {
            return ". The certificate presented is not issued for " + host + ", so the connection could be"
                    + " intercepted. Use the host name the endpoint's certificate names in tokenUrl (cxtoken.tokenUrl)"
                    + " or environment (cxtoken.environment). Host name checks cannot be switched off.";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException) {
                return ". This JVM does not trust the certificate of " + host + ". If a corporate"
                        + " proxy or private CA signs it, add that CA to a trust store and run Maven with"
                        + " -Djavax.net.ssl.trustStore=<file> (in MAVEN_OPTS or .mvn/jvm.config), or import it into"
                        + " the JVM's cacerts with keytool. Certificate checks cannot be switched off.";
            }
        }
        return ". Check the endpoint's TLS setup and any TLS-intercepting proxy.";
    }

    /** The JDK's and HttpClient's host name checks, which report a name the certificate does not carry. */
    private static boolean isWrongHostName(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof SSLPeerUnverifiedException
                    || (t instanceof CertificateException && (message.startsWith("No subject alternative")
                            || message.startsWith("No name matching")))) {
                return true;
            }
        }
        return false;
    }

    private TokenEndpointException timedOut(Exchange<?> exchange, int attempts, String detail) {
        return new TokenEndpointException("No " + exchange.result + " from " + exchange.uri + " within the timeout of "
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
