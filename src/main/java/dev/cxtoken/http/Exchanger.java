package dev.cxtoken.http;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.Secret;
import dev.cxtoken.Ticker;
import dev.cxtoken.TokenEndpointException;
import dev.cxtoken.TokenLog;
import dev.cxtoken.TokenRequestRejectedException;
import dev.cxtoken.Urls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;

/**
 * One bounded exchange over Apache HttpClient 5: retries on 408, 429, 5xx gateways and I/O errors, a deadline over
 * the whole exchange, bounded bodies, no redirects, quiet connections, and server text scrubbed of the secrets before
 * it reaches a message. It returns the final answer; what that answer means is the caller's business.
 *
 * <p>The retry loop lives here rather than in HttpClient's {@code HttpRequestRetryExec}, because that executor never
 * waits between I/O retries, silently stops retrying when a wait exceeds the response timeout, and drains a body when
 * it closes a response; none of that fits a bounded, logged fetch.
 */
public final class Exchanger {
    private static final int EXCERPT_CHARS = 200;

    private final HttpSettings settings;
    private final Clock clock;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final TokenLog log;
    private final RetryPolicy retryPolicy;
    private final String userAgent;
    private final ProxyRoute proxy;
    private final TlsSocketStrategy tls;
    private final DnsResolver dns;
    private final IoFailures failures;

    /**
     * @param clock wall-clock time, only to read Retry-After dates
     * @param tls trust for https, or null for what the JVM trusts ({@code -Djavax.net.ssl.trustStore} replaces it);
     *     certificate and host name checks are always on
     * @param dns the name resolver, or null for the system's
     */
    public Exchanger(HttpSettings settings, Clock clock, Ticker ticker, Sleeper sleeper, DoubleSupplier jitter,
            TokenLog log, String userAgent, ProxyRoute proxy, TlsSocketStrategy tls, DnsResolver dns) {
        this.settings = settings;
        this.clock = clock;
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.log = log;
        this.retryPolicy = new RetryPolicy(settings.maxAttempts(), jitter);
        this.userAgent = userAgent;
        this.proxy = proxy;
        this.tls = tls == null ? new ConnectionSetup.JvmDefaultTls() : tls;
        this.dns = dns == null ? SystemDefaultDnsResolver.INSTANCE : dns;
        this.failures = new IoFailures(settings, proxy);
    }

    /** The deadline of a fetch starting now; exchanges that belong to one fetch share it. */
    public Deadline newDeadline() {
        return Deadline.after(settings.timeout(), ticker);
    }

    /**
     * Sends the call until a final answer comes: a 2xx, or a refusal another attempt would not change. Throws when
     * none comes within the deadline and the attempts, and for redirects, oversized bodies and proxy refusals.
     */
    public HttpAnswer exchange(HttpCall call, Deadline deadline) throws CxTokenException {
        Scrubbing redactor = new Scrubbing(new Redactor(call.secretForms).with(proxy.secretForms()));
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(daemon("cx-token-deadline"));
        ExecutorService lookups = Executors.newCachedThreadPool(daemon("cx-token-dns"));
        try (CloseableHttpClient client = ConnectionSetup.client(settings, deadline, proxy, tls, dns, lookups)) {
            return retrying(client, call, deadline, watchdog, redactor);
        } catch (IOException e) {
            // Only closing the client can land here, after the answer was read.
            throw new TokenEndpointException("Could not release the HTTP connection to " + call.uri + " ("
                    + redactor.scrub(String.valueOf(e.getMessage())) + ").");
        } catch (RuntimeException e) {
            // HttpClient's own unchecked failures (a malformed answer, a cancel racing a connect) must not escape as
            // such: failOnError and the warn-only lookups rely on every failure being the plugin's own.
            if (deadline.passed()) {
                throw timedOut(call, deadline, "the deadline passed during the attempt");
            }
            throw new TokenEndpointException(call.action + " to " + call.uri + " failed inside the HTTP client ("
                    + redactor.excerpt(String.valueOf(e.getMessage()), false, EXCERPT_CHARS) + "). Try again; if it"
                    + " persists, report it with this message.", TokenEndpointException.Kind.OTHER,
                    RedactedCause.of(e, redactor.get()));
        } finally {
            watchdog.shutdownNow();
            lookups.shutdownNow();
        }
    }

    /** The redactor of an exchange, which learns each attempt's secrets before that attempt is sent. */
    private static final class Scrubbing {
        private Redactor current;

        Scrubbing(Redactor first) {
            current = first;
        }

        void learn(List<String> secretForms) {
            if (!secretForms.isEmpty()) {
                current = current.with(secretForms);
            }
        }

        String scrub(String text) {
            return current.scrub(text);
        }

        String excerpt(String text, boolean html, int maxChars) {
            return current.excerpt(text, html, maxChars);
        }

        Redactor get() {
            return current;
        }
    }

    private HttpAnswer retrying(CloseableHttpClient client, HttpCall call, Deadline deadline,
            ScheduledExecutorService watchdog, Scrubbing redactor) throws CxTokenException {
        int counted = 0;
        for (int attempt = 1; ; attempt++) {
            if (deadline.passed()) {
                throw timedOut(call, deadline, "no time left for another attempt; " + (attempt - 1)
                        + (attempt == 2 ? " attempt" : " attempts") + " in all");
            }
            Answers.Retriable failure;
            try {
                return attempt(client, call, deadline, watchdog, redactor, attempt);
            } catch (Answers.Retriable retriable) {
                failure = retriable;
            }
            RetryPolicy.Decision decision =
                    retryPolicy.afterFailure(counted, failure.retryAfter, failure.paced, deadline.remaining());
            if (decision.counted) {
                counted++;
            }
            if (!decision.retry()) {
                throw new TokenEndpointException("No " + call.result + " from " + call.uri + ": " + failure.reason
                        + "; " + decision.stopReason + (attempt > counted && counted > 0 ? ", " + attempt
                        + " requests in all" : "") + ".", TokenEndpointException.Kind.UNAVAILABLE, null);
            }
            if (decision.scheduledByServer()) {
                log.warn(call.action + " to " + Urls.hostForDisplay(call.uri) + " was turned away: " + failure.reason
                        + "; retrying in " + RetryPolicy.seconds(decision.wait) + " s as the server asked"
                        + " (Retry-After " + RetryPolicy.seconds(failure.retryAfter) + " s).");
            } else {
                log.warn(call.action + " attempt " + counted + " of " + settings.maxAttempts() + " to "
                        + Urls.hostForDisplay(call.uri) + " failed: " + failure.reason + "; retrying in "
                        + RetryPolicy.seconds(decision.wait) + " s.");
            }
            try {
                sleeper.sleep(decision.wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TokenEndpointException("Interrupted while waiting to retry the "
                        + call.action.toLowerCase(Locale.ROOT) + " to " + call.uri + ".");
            }
        }
    }

    private HttpAnswer attempt(CloseableHttpClient client, HttpCall call, Deadline deadline,
            ScheduledExecutorService watchdog, Scrubbing scrubbing, int attempt) throws Answers.Retriable, CxTokenException {
        HttpCall.Form form = call.form == null ? null : call.form.make();
        if (form != null) {
            scrubbing.learn(form.secretForms);
        }
        Redactor redactor = scrubbing.get();
        Duration remaining = deadline.remaining();
        HttpUriRequestBase request = newRequest(call, form, remaining);
        ScheduledFuture<?> cancel = watchdog.schedule(request::cancel, remaining.toMillis(), TimeUnit.MILLISECONDS);
        ClassicHttpResponse response = null;
        try {
            HttpClientContext context = HttpClientContext.create();
            response = client.executeOpen(null, request, context);
            Answers answers = new Answers(call, redactor, clock, proxy);
            if (answers.answeredByProxy(context)) {
                throw answers.proxyRefusal(response, request, context);
            }
            return answers.interpret(response, request);
        } catch (IOException e) {
            if (request.isCancelled() || e instanceof IoFailures.ResolutionTimeout || deadline.passed()) {
                throw timedOut(call, deadline, "attempt " + attempt + " was still running");
            }
            if (!IoFailures.isRetriable(e)) {
                throw new TokenEndpointException(call.action + " to " + call.uri + " failed: "
                        + failures.describe(e, call, redactor) + IoFailures.tlsAdvice(e, call),
                        TokenEndpointException.Kind.OTHER, RedactedCause.of(e, redactor));
            }
            throw new Answers.Retriable(failures.describe(e, call, redactor), null, false);
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

    private HttpUriRequestBase newRequest(HttpCall call, HttpCall.Form form, Duration remaining) {
        HttpUriRequestBase request;
        Secret authorization = call.authorization;
        if (form != null) {
            HttpPost post = new HttpPost(call.uri);
            List<NameValuePair> fields = new ArrayList<>();
            authorization = form.authorization;
            for (Map.Entry<String, String> field : form.fields.entrySet()) {
                fields.add(new BasicNameValuePair(field.getKey(), field.getValue()));
            }
            post.setEntity(new UrlEncodedFormEntity(fields, StandardCharsets.UTF_8));
            request = post;
        } else if (call.json != null) {
            HttpPost post = new HttpPost(call.uri);
            post.setEntity(new StringEntity(call.json.reveal(), ContentType.APPLICATION_JSON));
            request = post;
        } else if (call.method.equals("DELETE")) {
            request = new HttpDelete(call.uri);
        } else {
            request = new HttpGet(call.uri);
        }
        if (authorization != null) {
            request.setHeader(HttpHeaders.AUTHORIZATION, authorization.reveal());
        }
        request.setHeader(HttpHeaders.ACCEPT, "application/json");
        request.setHeader(HttpHeaders.USER_AGENT, userAgent);
        request.setConfig(RequestConfig.custom()
                .setResponseTimeout(ConnectionSetup.millis(ConnectionSetup.min(settings.responseTimeout(), remaining)))
                .setConnectionRequestTimeout(ConnectionSetup.millis(remaining))
                .setRedirectsEnabled(false)
                .build());
        return request;
    }

    private TokenEndpointException timedOut(HttpCall call, Deadline deadline, String detail) {
        return new TokenEndpointException("No " + call.result + " from " + call.uri + " within the timeout of "
                + deadline.total().getSeconds() + " s (" + detail + ").", TokenEndpointException.Kind.UNAVAILABLE,
                null);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** For log lines: where requests go, without credentials. */
    public String route() {
        return proxy.describe();
    }

    static String headerValue(Header header) {
        return header == null || header.getValue() == null ? null : header.getValue();
    }
}
