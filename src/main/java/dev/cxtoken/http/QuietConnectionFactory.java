package dev.cxtoken.http;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSession;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.util.Timeout;

/**
 * Creates connections that never log headers or wire bytes. HttpClient's own connection class writes the
 * {@code Authorization} header to the {@code org.apache.hc.client5.http.headers} logger and the token response to
 * {@code org.apache.hc.client5.http.wire} whenever debug logging is on, as it is under {@code mvn -X}. Silencing those
 * loggers would need JVM-wide logging configuration; using connections without the logging calls needs none.
 */
final class QuietConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {
    static final QuietConnectionFactory INSTANCE = new QuietConnectionFactory();

    private QuietConnectionFactory() {}

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        QuietConnection connection = new QuietConnection();
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }

    static final class QuietConnection extends DefaultBHttpClientConnection implements ManagedHttpClientConnection {
        private volatile Timeout activeTimeout;

        QuietConnection() {
            super(Http1Config.DEFAULT);
        }

        @Override
        public Socket getSocket() {
            SocketHolder holder = getSocketHolder();
            return holder == null ? null : holder.getSocket();
        }

        @Override
        public SSLSession getSSLSession() {
            return super.getSSLSession();
        }

        @Override
        public void passivate() {
            activeTimeout = getSocketTimeout();
            setSocketTimeout(Timeout.ZERO_MILLISECONDS);
        }

        @Override
        public void activate() {
            if (activeTimeout != null) {
                setSocketTimeout(activeTimeout);
            }
        }
    }
}
