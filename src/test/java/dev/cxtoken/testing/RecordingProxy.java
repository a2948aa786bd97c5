package dev.cxtoken.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A forwarding HTTP proxy on 127.0.0.1 that records everything that passes through it: {@code CONNECT} tunnels for
 * https targets and absolute-form requests ({@code POST http://host/path}) for http targets. With credentials set, it
 * answers 407 with a Basic challenge until a request carries the right {@code Proxy-Authorization}.
 *
 * <p>It resolves target names from its own table only, never from DNS, so tests can use reserved names such as
 * {@code token.example.test} and nothing leaves loopback; an unknown target gets 502.
 */
public final class RecordingProxy extends LoopbackSocketServer {
    /** One request the proxy received, and how it answered. */
    public static final class Exchange {
        public final ScriptedHttpServer.Recorded request;
        public final int status;

        Exchange(ScriptedHttpServer.Recorded request, int status) {
            this.request = request;
            this.status = status;
        }

        @Override
        public String toString() {
            return request.method + " " + request.target + " -> " + status;
        }
    }

    private final Map<String, InetSocketAddress> routes = new ConcurrentHashMap<>();
    private final String expectedAuthorization;
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream relayed = new ByteArrayOutputStream();

    /** A proxy that needs no credentials. */
    public RecordingProxy() throws IOException {
        this(null, null);
    }

    /** A proxy that requires Basic credentials, or none when {@code user} is null. */
    public RecordingProxy(String user, String password) throws IOException {
        this(user, password, 0);
    }

    /** The same on a given loopback port, for a build that can learn the port only from its environment. */
    public RecordingProxy(String user, String password, int port) throws IOException {
        super(new ServerSocket(), "recording-proxy", port);
        expectedAuthorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends requests for {@code host:port} to the loopback port {@code to}. */
    private volatile boolean echoCredentials;

    /** Makes the 407 page quote the Proxy-Authorization it received, as some proxies' error pages do. */
    public RecordingProxy echoingCredentials() {
        echoCredentials = true;
        return this;
    }

    public RecordingProxy route(String host, int port, int to) {
        routes.put(host.toLowerCase(Locale.ROOT) + ":" + port,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), to));
        return this;
    }

    public List<Exchange> exchanges() {
        return new ArrayList<>(exchanges);
    }

    /** Every byte relayed in either direction, request heads excluded, as ISO-8859-1 text for searching. */
    public String relayedBytes() {
        synchronized (relayed) {
            return new String(relayed.toByteArray(), StandardCharsets.ISO_8859_1);
        }
    }

    @Override
    void serve(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream();
        while (true) {
            ScriptedHttpServer.Recorded request = ScriptedHttpServer.readRequest(in);
            if (request == null) {
                return;
            }
            if (expectedAuthorization != null
                    && !expectedAuthorization.equals(request.header("proxy-authorization"))) {
                exchanges.add(new Exchange(request, 407));
                String sent = request.header("proxy-authorization");
                answer(out, "407 Proxy Authentication Required",
                        "Proxy-Authenticate: Basic realm=\"recording-proxy\"\r\n",
                        echoCredentials && sent != null ? "<html><p>Wrong credentials: " + sent + " ("
                                + decodedBasic(sent) + ")</p></html>" : "");
                continue; // the client may retry on this connection
            }
            if (request.method.equals("CONNECT")) {
                tunnel(client, request);
            } else {
                forward(client, request);
            }
            return;
        }
    }

    private void tunnel(Socket client, ScriptedHttpServer.Recorded request) throws IOException {
        InetSocketAddress to = routes.get(request.target.toLowerCase(Locale.ROOT));
        if (to == null) {
            exchanges.add(new Exchange(request, 502));
            answer(client.getOutputStream(), "502 Bad Gateway", "");
            return;
        }
        Socket target = connect(to.getAddress(), to.getPort());
        exchanges.add(new Exchange(request, 200));
        client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        client.getOutputStream().flush();
        background(() -> pump(target, client, relayed));
        pump(client, target, relayed);
    }

    private void forward(Socket client, ScriptedHttpServer.Recorded request) throws IOException {
        URI uri = URI.create(request.target);
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        InetSocketAddress to = uri.getHost() == null ? null
                : routes.get(uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
        if (to == null) {
            exchanges.add(new Exchange(request, 502));
            answer(client.getOutputStream(), "502 Bad Gateway", "");
            return;
        }
        exchanges.add(new Exchange(request, 200));
        StringBuilder head = new StringBuilder(request.method + " " + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " HTTP/1.1\r\n");
        for (Map.Entry<String, String> header : request.headers.entrySet()) {
            if (!header.getKey().startsWith("proxy-") && !header.getKey().equals("connection")) {
                head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
            }
        }
        head.append("connection: close\r\n\r\n");
        byte[] body = request.body.getBytes(StandardCharsets.UTF_8);
        synchronized (relayed) {
            relayed.writeBytes(body);
        }
        Socket target = connect(to.getAddress(), to.getPort());
        OutputStream out = target.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        pump(target, client, relayed);
    }

    private static void answer(OutputStream out, String status, String headers) throws IOException {
        answer(out, status, headers, "");
    }

    private static void answer(OutputStream out, String status, String headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + "\r\n" + headers + (bytes.length > 0 ? "Content-Type: text/html\r\n" : "")
                + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    private static String decodedBasic(String header) {
        try {
            return new String(java.util.Base64.getDecoder().decode(header.replaceFirst("(?i)^Basic ", "").trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
