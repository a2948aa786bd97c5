package dev.cxtoken.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Terminates TLS on 127.0.0.1 and passes the plain bytes to a loopback HTTP server, the way a load balancer fronts a
 * token service. Any plain test server (scripted or stand-in) thereby becomes an HTTPS endpoint with a real
 * certificate, and keeps recording what it receives.
 */
public final class TlsFront extends LoopbackSocketServer {
    private final int backendPort;
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger failedHandshakes = new AtomicInteger();

    public TlsFront(SSLContext serverContext, int backendPort) throws IOException {
        super(serverContext.getServerSocketFactory().createServerSocket(), "tls-front");
        this.backendPort = backendPort;
    }

    /** TLS handshakes that completed: a client that does not trust the certificate never completes one. */
    public int handshakes() {
        return handshakes.get();
    }

    /**
     * Handshakes that failed, counted once the server side has seen at least {@code atLeast} of them or 5 s have
     * passed: the client may report its failure before the server thread has counted it.
     */
    public int failedHandshakes(int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (failedHandshakes.get() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return failedHandshakes.get();
    }

    @Override
    void serve(Socket client) throws IOException {
        try {
            ((SSLSocket) client).startHandshake();
        } catch (IOException e) {
            failedHandshakes.incrementAndGet();
            return;
        }
        handshakes.incrementAndGet();
        Socket backend = connect(InetAddress.getLoopbackAddress(), backendPort);
        background(() -> pump(backend, client, null));
        pump(client, backend, null);
    }
}
