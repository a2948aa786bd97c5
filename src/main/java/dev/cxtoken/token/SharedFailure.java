package dev.cxtoken.token;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.MissingCredentialsException;
import dev.cxtoken.TokenEndpointException;
import dev.cxtoken.TokenRequestRejectedException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A failed fetch as the build-wide store keeps it: JDK types only, so that other class realms can read it. It covers
 * the callers that arrived while it ran, and those that come within as long again after it ended.
 */
final class SharedFailure {
    private final String message;
    private final String type;
    private final String kind;
    private final long started;
    private final long ended;

    private SharedFailure(String message, String type, String kind, long started, long ended) {
        this.message = message;
        this.type = type;
        this.kind = kind;
        this.started = started;
        this.ended = ended;
    }

    static Map<String, Object> of(CxTokenException e, long started, long ended) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("message", e.getMessage());
        fields.put("type", e instanceof TokenEndpointException ? "endpoint"
                : e instanceof InvalidConfigurationException ? "configuration"
                : e instanceof MissingCredentialsException ? "credentials" : "rejected");
        fields.put("kind", e instanceof TokenEndpointException ? ((TokenEndpointException) e).kind().name()
                : TokenEndpointException.Kind.OTHER.name());
        fields.put("started", started);
        fields.put("ended", ended);
        return Collections.unmodifiableMap(fields);
    }

    static SharedFailure read(Object entry) {
        if (!(entry instanceof Map)) {
            return null;
        }
        Map<?, ?> fields = (Map<?, ?>) entry;
        return new SharedFailure((String) fields.get("message"), (String) fields.get("type"),
                (String) fields.get("kind"), (Long) fields.get("started"), (Long) fields.get("ended"));
    }

    /** Whether a caller that arrived at {@code arrived} (monotonic nanoseconds) shares this failure. */
    boolean covers(long arrived) {
        long took = Math.max(0, ended - started);
        return arrived - ended <= 0 || arrived - ended < took;
    }

    CxTokenException toException() {
        String shared = message + " (Shared by every module that waited for this build's attempt; a module that"
                + " starts later tries again.)";
        switch (type) {
            case "endpoint":
                return new TokenEndpointException(shared, TokenEndpointException.Kind.valueOf(kind), null);
            case "configuration":
                return new InvalidConfigurationException(shared);
            case "credentials":
                return new MissingCredentialsException(shared);
            default:
                return new TokenRequestRejectedException(shared);
        }
    }
}
