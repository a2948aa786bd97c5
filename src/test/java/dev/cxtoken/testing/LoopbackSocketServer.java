package dev.cxtoken.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A socket server on 127.0.0.1 port 0 that serves each connection on its own daemon thread and, when closed, closes
 * every socket it opened, so a test never waits for a stuck connection.
 */
abstract class LoopbackSocketServer implements AutoCloseable {
    private final ServerSocket serverSocket;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final ExecutorService workers;

    LoopbackSocketServer(ServerSocket unbound, String threadName) throws IOException {
        this(unbound, threadName, 0);
    }

    /** @param port the loopback port to listen on, or 0 for a free one */
    LoopbackSocketServer(ServerSocket unbound, String threadName, int port) throws IOException {
        serverSocket = unbound;
        serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        workers.execute(this::acceptLoop);
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Serves one accepted connection; the socket is closed afterwards. */
    abstract void serve(Socket client) throws IOException;

    /** Opens a connection to a loopback port, closed with the server at the latest. */
    Socket connect(InetAddress address, int port) throws IOException {
        Socket socket = new Socket(address, port);
        open.add(socket);
        return socket;
    }

    /** Runs a task on a worker thread of this server. */
    void background(Runnable task) {
        workers.execute(task);
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                open.add(socket);
                workers.execute(() -> {
                    try (Socket s = socket) {
                        s.setSoTimeout(30_000);
                        serve(s);
                    } catch (IOException e) {
                        // The client went away or the server is closing.
                    } finally {
                        open.remove(socket);
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * Copies bytes from one socket to the other until either side closes, then closes the receiving side.
     *
     * @param copy receives every byte as well, or null
     */
    static void pump(Socket from, Socket to, ByteArrayOutputStream copy) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (copy != null) {
                    synchronized (copy) {
                        copy.write(buffer, 0, read);
                    }
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // A side closed the connection.
        } finally {
            try {
                to.close();
            } catch (IOException ignored) {
                // Nothing to do.
            }
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing anyway.
            }
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
