package dev.cxtoken.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * Terminates TLS on 127.0.0.1 and passes the plain bytes to a loopback HTTP server, the way a load balancer fronts a
 * token service. Any plain test server (scripted or stand-in) thereby becomes an HTTPS endpoint with a real
 * certificate, and keeps recording what it receives.
 */
public final class TlsFront implements AutoCloseable {
    private final SSLServerSocket serverSocket;
    private final int backendPort;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tls-front");
        t.setDaemon(true);
        return t;
    });
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger failedHandshakes = new AtomicInteger();

    public TlsFront(SSLContext serverContext, int backendPort) throws IOException {
        this.backendPort = backendPort;
        serverSocket = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket();
        serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        workers.execute(this::acceptLoop);
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** TLS handshakes that completed: a client that does not trust the certificate never completes one. */
    public int handshakes() {
        return handshakes.get();
    }

    public int failedHandshakes() {
        return failedHandshakes.get();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                SSLSocket socket = (SSLSocket) serverSocket.accept();
                open.add(socket);
                workers.execute(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SSLSocket client) {
        try (SSLSocket tls = client) {
            tls.setSoTimeout(30_000);
            try {
                tls.startHandshake();
            } catch (IOException e) {
                failedHandshakes.incrementAndGet();
                return;
            }
            handshakes.incrementAndGet();
            try (Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
                open.add(backend);
                workers.execute(() -> pump(backend, tls));
                pump(tls, backend);
            }
        } catch (IOException e) {
            // A side closed the connection.
        } finally {
            open.remove(client);
        }
    }

    /** Copies from one socket to the other until either side closes. */
    static void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // A side closed the connection.
        } finally {
            closeQuietly(to);
        }
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing to do.
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
