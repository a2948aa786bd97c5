package dev.cxtoken.http;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a {@code Retry-After} header (RFC 9110 §10.2.3): delay seconds, or an HTTP date in any of the three forms
 * RFC 9110 §5.6.7 says a recipient must accept. Huge values are clamped before any arithmetic, so a server cannot make
 * the plugin overflow.
 */
final class RetryAfter {
    /** Longer than any timeout the plugin allows, so clamping never changes a decision. */
    static final Duration CLAMP = Duration.ofDays(1);

    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.ENGLISH);
    private static final DateTimeFormatter ASCTIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("EEE MMM d HH:mm:ss yyyy")
            .toFormatter(Locale.ENGLISH);

    private RetryAfter() {}

    /** The wait the header asks for, at most {@link #CLAMP}; empty when it is neither seconds nor a date. */
    static Optional<Duration> parse(String header, Clock clock) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.matches("[0-9]{1,40}")) {
            // Compared as text length first: a 40-digit number is no reason to overflow.
            String digits = value.replaceFirst("^0+(?=.)", "");
            return Optional.of(digits.length() > 7 ? CLAMP : clamp(Duration.ofSeconds(Long.parseLong(digits))));
        }
        Optional<Instant> at = date(value);
        if (!at.isPresent()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!at.get().isAfter(now)) {
            return Optional.of(Duration.ZERO);
        }
        Instant limit = now.plus(CLAMP);
        return Optional.of(at.get().isAfter(limit) ? CLAMP : Duration.between(now, at.get()));
    }

    private static Optional<Instant> date(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeException notThisForm) {
            // One of the obsolete forms, perhaps.
        }
        for (DateTimeFormatter format : Arrays.asList(RFC_850, ASCTIME)) {
            try {
                return Optional.of(LocalDateTime.parse(value.replaceAll(" +", " "), format).toInstant(ZoneOffset.UTC));
            } catch (DateTimeException notThisForm) {
                // Try the next form.
            }
        }
        return Optional.empty();
    }

    private static Duration clamp(Duration wait) {
        return wait.compareTo(CLAMP) > 0 ? CLAMP : wait;
    }
}
