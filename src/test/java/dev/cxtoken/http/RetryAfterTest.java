package dev.cxtoken.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Retry-After in every form RFC 9110 says a recipient must accept, and in sizes no server should send. */
class RetryAfterTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("1994-11-06T08:49:00Z"), ZoneOffset.UTC);

    private static Optional<Duration> parse(String value) {
        return RetryAfter.parse(value, NOW);
    }

    @Test
    void secondsAndTheThreeDateForms() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), parse("120"));
        assertEquals(Optional.of(Duration.ofSeconds(37)), parse("Sun, 06 Nov 1994 08:49:37 GMT"));
        assertEquals(Optional.of(Duration.ofSeconds(37)), parse("Sunday, 06-Nov-94 08:49:37 GMT"));
        assertEquals(Optional.of(Duration.ofSeconds(37)), parse("Sun Nov  6 08:49:37 1994"));
    }

    @Test
    void aDateInThePastIsNoWait() {
        assertEquals(Optional.of(Duration.ZERO), parse("Sun, 06 Nov 1994 08:00:00 GMT"));
    }

    @Test
    void hugeValuesAreClampedWithoutOverflow() {
        assertEquals(Optional.of(RetryAfter.CLAMP), parse("9223372036854775807"));
        assertEquals(Optional.of(RetryAfter.CLAMP), parse("99999999999999999999999999999999"));
        assertEquals(Optional.of(RetryAfter.CLAMP), parse("Fri, 31 Dec 9999 23:59:59 GMT"));
    }

    @Test
    void anythingElseIsIgnored() {
        for (String value : new String[] {"", "soon", "-5", "1.5", "Sun, 32 Nov 1994 08:49:37 GMT"}) {
            assertEquals(Optional.empty(), parse(value), value);
        }
        assertEquals(Optional.empty(), RetryAfter.parse(null, NOW));
    }
}
