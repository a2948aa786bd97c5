package dev.cxtoken.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.DoubleSupplier;

/** Builders shared by the unit tests. */
final class Fixtures {
    static final String CLIENT_ID = "3c5a7f1e-client";
    static final String SECRET = "s3cr3t:with%odd+chars=&ü";
    /** A fixed jitter, so that tests can compute every wait: half of each random range. */
    static final DoubleSupplier JITTER = () -> 0.5;

    private Fixtures() {}

    static FetchConfiguration.Builder oauth2(String tokenUrl) {
        return FetchConfiguration.builder().provider("oauth2").tokenUrl(tokenUrl);
    }

    static FetchConfiguration.Builder genesys(String tokenUrl) {
        return FetchConfiguration.builder().provider("genesys").tokenUrl(tokenUrl);
    }

    static TokenRequest request(FetchConfiguration config) {
        return request(config, SECRET);
    }

    static TokenRequest request(FetchConfiguration config, String secret) {
        return TokenRequest.clientCredentials(config,
                new ClientCredentials(CLIENT_ID, Secret.of(secret), "environment variable OAUTH_CLIENT_SECRET"));
    }

    static TokenEndpointClient client(FetchConfiguration config, RecordingLog log) {
        return new TokenEndpointClient(config.httpSettings(), Clock.systemUTC(), TokenEndpointClient.Sleeper.REAL,
                JITTER, log, "cx-token-test", ProxyRoute.jvmDefault());
    }

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-21T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    /** Keeps every line logged, to assert on them. */
    static final class RecordingLog implements TokenLog {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void info(String message) {
            lines.add("INFO " + message);
        }

        @Override
        public void warn(String message) {
            lines.add("WARN " + message);
        }

        @Override
        public void debug(String message) {
            lines.add("DEBUG " + message);
        }

        long warnings() {
            return lines.stream().filter(l -> l.startsWith("WARN ")).count();
        }
    }
}
