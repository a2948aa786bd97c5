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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A forwarding HTTP proxy on 127.0.0.1 that records everything that passes through it: {@code CONNECT} tunnels for
 * https targets and absolute-form requests ({@code POST http://host/path}) for http targets. With credentials set, it
 * answers 407 with a Basic challenge until a request carries the right {@code Proxy-Authorization}.
 *
 * <p>It resolves target names from its own table only, never from DNS, so tests can use reserved names such as
 * {@code token.example.test} and nothing leaves loopback; an unknown target gets 502.
 */
public final class RecordingProxy implements AutoCloseable {
    /** One request the proxy received, and how it answered. */
    public static final class Exchange {
        public final String method;
        public final String target;
        public final Map<String, String> headers;
        public final int status;

        Exchange(String method, String target, Map<String, String> headers, int status) {
            this.method = method;
            this.target = target;
            this.headers = headers;
            this.status = status;
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return method + " " + target + " -> " + status;
        }
    }

    private final ServerSocket serverSocket;
    private final Map<String, InetSocketAddress> routes = new ConcurrentHashMap<>();
    private final String expectedAuthorization;
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream relayed = new ByteArrayOutputStream();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "recording-proxy");
        t.setDaemon(true);
        return t;
    });

    /** A proxy that needs no credentials. */
    public RecordingProxy() throws IOException {
        this(null, null);
    }

    /** A proxy that requires Basic credentials, or none when {@code user} is null. */
    public RecordingProxy(String user, String password) throws IOException {
        expectedAuthorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        serverSocket = new ServerSocket();
        serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        workers.execute(this::acceptLoop);
    }

    /** Sends requests for {@code host:port} to the loopback port {@code to}. */
    public RecordingProxy route(String host, int port, int to) {
        routes.put(host.toLowerCase(Locale.ROOT) + ":" + port, new InetSocketAddress(InetAddress.getLoopbackAddress(), to));
        return this;
    }

    public int port() {
        return serverSocket.getLocalPort();
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

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                open.add(socket);
                workers.execute(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (Socket s = client) {
            s.setSoTimeout(30_000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (true) {
                ScriptedHttpServer.Recorded request = ScriptedHttpServer.readRequest(in);
                if (request == null) {
                    return;
                }
                if (expectedAuthorization != null
                        && !expectedAuthorization.equals(request.header("proxy-authorization"))) {
                    record(request, 407);
                    answer(out, "407 Proxy Authentication Required",
                            "Proxy-Authenticate: Basic realm=\"recording-proxy\"\r\n");
                    continue; // the client may retry on this connection
                }
                if (request.method.equals("CONNECT")) {
                    tunnel(s, request);
                } else {
                    forward(s, request);
                }
                return;
            }
        } catch (IOException e) {
            // The client went away or the proxy is closing.
        } finally {
            open.remove(client);
        }
    }

    private void tunnel(Socket client, ScriptedHttpServer.Recorded request) throws IOException {
        InetSocketAddress to = routes.get(request.target.toLowerCase(Locale.ROOT));
        if (to == null) {
            record(request, 502);
            answer(client.getOutputStream(), "502 Bad Gateway", "");
            return;
        }
        try (Socket target = new Socket(to.getAddress(), to.getPort())) {
            open.add(target);
            record(request, 200);
            client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            client.getOutputStream().flush();
            workers.execute(() -> relay(target, client));
            relay(client, target);
        }
    }

    private void forward(Socket client, ScriptedHttpServer.Recorded request) throws IOException {
        URI uri = URI.create(request.target);
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        InetSocketAddress to = uri.getHost() == null ? null
                : routes.get(uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
        if (to == null) {
            record(request, 502);
            answer(client.getOutputStream(), "502 Bad Gateway", "");
            return;
        }
        record(request, 200);
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
        try (Socket target = new Socket(to.getAddress(), to.getPort())) {
            open.add(target);
            OutputStream out = target.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            relay(target, client);
        }
    }

    /** Copies bytes one way, keeping a copy, until a side closes. */
    private void relay(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                synchronized (relayed) {
                    relayed.write(buffer, 0, read);
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // A side closed the connection.
        } finally {
            TlsFront.closeQuietly(to);
        }
    }

    private void record(ScriptedHttpServer.Recorded request, int status) {
        exchanges.add(new Exchange(request.method, request.target, new LinkedHashMap<>(request.headers), status));
    }

    private static void answer(OutputStream out, String status, String headers) throws IOException {
        out.write(("HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket socket : open) {
            TlsFront.closeQuietly(socket);
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
