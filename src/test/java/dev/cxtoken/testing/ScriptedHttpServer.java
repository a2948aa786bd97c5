package dev.cxtoken.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A real HTTP/1.1 server on 127.0.0.1 that plays a script: each accepted request takes the next {@link Reply}, and the
 * last one repeats. Replies can misbehave at the socket level (reset, stall, trickle, endless body), which a
 * higher-level server cannot. Every request is recorded, headers and body included, for assertions.
 */
public final class ScriptedHttpServer implements AutoCloseable {
    /** What the server does with one request. */
    @FunctionalInterface
    public interface Reply {
        void write(Socket socket, OutputStream out) throws IOException, InterruptedException;

        /** What the server calls; replies that depend on the request, such as {@link #echo}, override it. */
        default void write(Recorded request, Socket socket, OutputStream out) throws IOException, InterruptedException {
            write(socket, out);
        }
    }

    /** A request as the server received it. */
    public static final class Recorded {
        public final String method;
        public final String target;
        public final Map<String, String> headers;
        public final String body;
        /** When the request had been read in full, by the wall clock and by {@link System#nanoTime()}. */
        public final Instant receivedAt;
        public final long receivedNanos;

        Recorded(String method, String target, Map<String, String> headers, String body) {
            this.method = method;
            this.target = target;
            this.headers = headers;
            this.body = body;
            this.receivedAt = Instant.now();
            this.receivedNanos = System.nanoTime();
        }

        /** Milliseconds from this request to a later one. */
        public long millisUntil(Recorded later) {
            return TimeUnit.NANOSECONDS.toMillis(later.receivedNanos - receivedNanos);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final ServerSocket serverSocket;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-http");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Reply last;

    public ScriptedHttpServer(Reply... replies) throws IOException {
        this(0, replies);
    }

    public ScriptedHttpServer(int port, Reply... replies) throws IOException {
        serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        enqueue(replies);
        workers.execute(this::acceptLoop);
    }

    public void enqueue(Reply... replies) {
        Collections.addAll(script, replies);
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public List<Recorded> requests() {
        return new ArrayList<>(requests);
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

    private void serve(Socket socket) {
        try (Socket s = socket) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (true) {
                Recorded request = readRequest(in);
                if (request == null) {
                    return;
                }
                requests.add(request);
                Reply next = script.poll();
                if (next == null) {
                    next = last;
                } else {
                    last = next;
                }
                if (next == null) {
                    next = respond(500, "text/plain", "no reply scripted");
                }
                next.write(request, s, out);
                out.flush();
                if (s.isClosed() || "close".equalsIgnoreCase(request.header("connection"))) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // The client went away or the server is closing.
        } finally {
            open.remove(socket);
        }
    }

    static Recorded readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b == -1) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Recorded(requestLine[0], requestLine[1], headers, new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket socket : open) {
            socket.close();
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- Replies ----

    public static Reply respond(int status, String contentType, String body, String... headerPairs) {
        return (socket, out) -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " Status\r\n");
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                head.append(headerPairs[i]).append(": ").append(headerPairs[i + 1]).append("\r\n");
            }
            head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
        };
    }

    /** Answers with whatever {@code reply} makes of the request, e.g. an error page that quotes it. */
    public static Reply echo(Function<Recorded, Reply> reply) {
        return new Reply() {
            @Override
            public void write(Socket socket, OutputStream out) {
                throw new IllegalStateException("an echo needs the request");
            }

            @Override
            public void write(Recorded request, Socket socket, OutputStream out)
                    throws IOException, InterruptedException {
                reply.apply(request).write(socket, out);
            }
        };
    }

    public static Reply json(int status, String body, String... headerPairs) {
        return respond(status, "application/json", body, headerPairs);
    }

    public static Reply token(String accessToken, long expiresIn) {
        return json(200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"bearer\",\"expires_in\":"
                + expiresIn + "}");
    }

    /** Closes the connection with a TCP reset before answering. */
    public static Reply reset() {
        return (socket, out) -> {
            socket.setSoLinger(true, 0);
            socket.close();
        };
    }

    /** Accepts the request and never answers, until the client gives up or the server closes. */
    public static Reply stall() {
        return (socket, out) -> {
            try {
                while (socket.getInputStream().read() != -1) {
                    // Wait for the client to close.
                }
            } catch (SocketException closed) {
                // Client or server closed the socket.
            }
        };
    }

    /** Sends a 200 head promising a long body, then one byte a second. */
    public static Reply trickle() {
        return (socket, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            for (int i = 0; i < 1000; i++) {
                out.write('{');
                out.flush();
                Thread.sleep(1000);
            }
        };
    }

    /** Sends a chunked 200 body that never ends, as fast as the client reads it. */
    public static Reply endlessBody() {
        return body(Long.MAX_VALUE, false, 0, new Transfer());
    }

    /** Answers with a fixed-length body of the given size, as fast as the client reads it. */
    public static Reply largeBody(int bytes) {
        return body(bytes, true, 0, new Transfer());
    }

    /**
     * Answers 200 with a body of {@code bytes} (Long.MAX_VALUE: endless), with or without a Content-Length, at most
     * {@code bytesPerSecond} fast (0: as fast as the client reads), and records in {@code transfer} how much got out
     * before the client hung up.
     */
    public static Reply body(long bytes, boolean declareLength, long bytesPerSecond, Transfer transfer) {
        return (socket, out) -> {
            String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + (declareLength ? "Content-Length: " + bytes : "Transfer-Encoding: chunked") + "\r\n\r\n";
            long start = System.nanoTime();
            try {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                byte[] block = "x".repeat(8192).getBytes(StandardCharsets.ISO_8859_1);
                byte[] chunkHead = "2000\r\n".getBytes(StandardCharsets.ISO_8859_1);
                byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
                while (transfer.sent.get() < bytes) {
                    int length = (int) Math.min(block.length, bytes - transfer.sent.get());
                    if (declareLength) {
                        out.write(block, 0, length);
                    } else {
                        out.write(Integer.toHexString(length).getBytes(StandardCharsets.ISO_8859_1));
                        out.write(crlf);
                        out.write(block, 0, length);
                        out.write(crlf);
                    }
                    out.flush();
                    long sent = transfer.sent.addAndGet(length);
                    if (bytesPerSecond > 0) {
                        long due = start + TimeUnit.SECONDS.toNanos(1) * sent / bytesPerSecond;
                        long ahead = due - System.nanoTime();
                        if (ahead > 0) {
                            TimeUnit.NANOSECONDS.sleep(ahead);
                        }
                    }
                }
                if (!declareLength) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
            } catch (IOException e) {
                transfer.cutOff = true;
                throw e;
            } finally {
                transfer.finished.countDown();
            }
        };
    }

    /** What a {@link #body} reply managed to send. */
    public static final class Transfer {
        private final AtomicLong sent = new AtomicLong();
        private final CountDownLatch finished = new CountDownLatch(1);
        private volatile boolean cutOff;

        /** Body bytes handed to the socket. */
        public long sent() {
            return sent.get();
        }

        /** Whether the client hung up before the body was complete. */
        public boolean cutOff() {
            return cutOff;
        }

        /** Waits until the reply has ended, by completion or by the client hanging up. */
        public boolean awaitEnd(Duration limit) throws InterruptedException {
            return finished.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
