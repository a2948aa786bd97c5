package dev.cxtoken.http;

import dev.cxtoken.Urls;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.net.NamedEndpoint;

/** Words what the network did when an exchange failed with an I/O error, and whether trying again may help. */
final class IoFailures {
    private final HttpSettings settings;
    private final ProxyRoute proxy;

    IoFailures(HttpSettings settings, ProxyRoute proxy) {
        this.settings = settings;
        this.proxy = proxy;
    }

    /** A name lookup that did not finish within the time left. */
    static final class ResolutionTimeout extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        ResolutionTimeout(String host) {
            super("resolving " + host + " took longer than the time left");
        }
    }

    static boolean isRetriable(IOException e) {
        if (e instanceof ResolutionTimeout || e instanceof UnknownHostException) {
            return false;
        }
        if (e instanceof SSLException) {
            return closedDuringHandshake(e);
        }
        return !(e instanceof InterruptedIOException) || e instanceof SocketTimeoutException
                || e instanceof ConnectTimeoutException;
    }

    /**
     * A server (or a load balancer in front of it) that closes the connection during the handshake is as busy as one
     * that resets it, which is retried; it is no TLS configuration problem.
     */
    private static boolean closedDuringHandshake(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof EOFException || message.contains("terminated the handshake")) {
                return true;
            }
        }
        return false;
    }

    /** What happened, scrubbed of anything the server may have echoed. */
    String describe(IOException e, HttpCall call, Redactor redactor) {
        String host = Urls.hostForDisplay(call.uri);
        if (e instanceof ResolutionTimeout) {
            return redactor.scrub(e.getMessage());
        }
        if (e instanceof UnknownHostException) {
            String name = e.getMessage() == null ? call.uri.getHost() : e.getMessage();
            boolean proxyHost = !name.contains(call.uri.getHost()) && proxy.isProxyHostIn(name);
            return proxyHost ? "the proxy host name " + proxy.hostName() + " (" + proxy.source() + ") cannot be"
                    + " resolved (check the proxy's <host>, and this machine's DNS settings)"
                    : "the host name " + call.uri.getHost() + " cannot be resolved (check the host in the URL, and"
                            + " this machine's DNS and proxy settings)";
        }
        if (e instanceof ConnectTimeoutException) {
            return "no connection to " + firstHop(((ConnectTimeoutException) e).getHost(), call) + " within "
                    + settings.connectTimeout().getSeconds() + " s";
        }
        if (e instanceof HttpHostConnectException) {
            return "connection to " + firstHop(((HttpHostConnectException) e).getHost(), call) + " refused";
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
        if (e instanceof SSLException && closedDuringHandshake(e)) {
            return host + " closed the connection during the TLS handshake";
        }
        if (e instanceof SSLHandshakeException) {
            return "the TLS handshake with " + host + " failed (" + redactor.scrub(String.valueOf(e.getMessage())) + ")";
        }
        if (e instanceof SocketException) {
            return "the connection to " + host + " broke (" + redactor.scrub(String.valueOf(e.getMessage())) + ")";
        }
        return "the exchange with " + host + " broke off" + (e.getMessage() == null ? ""
                : " (" + redactor.excerpt(e.getMessage(), false, 200) + ")");
    }

    /** The endpoint itself, or the proxy in front of it, whichever the failed connection was meant for. */
    private String firstHop(NamedEndpoint endpoint, HttpCall call) {
        if (endpoint == null || endpoint.getHostName().equalsIgnoreCase(call.uri.getHost())) {
            return Urls.hostForDisplay(call.uri);
        }
        return "the proxy " + endpoint.getHostName() + ":" + endpoint.getPort() + " (" + proxy.source() + ")";
    }

    /** What to change after a TLS failure, starting with ". "; just "." for other failures. */
    static String tlsAdvice(IOException e, HttpCall call) {
        if (!(e instanceof SSLException)) {
            return ".";
        }
        String host = call.uri.getHost();
        if (isWrongHostName(e)) {
            return ". The certificate presented is not issued for " + host + ", so the connection could be"
                    + " intercepted. Use the host name the endpoint's certificate names (" + call.targetAdvice + ")."
                    + " Host name checks cannot be switched off.";
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
}
