package dev.cxtoken.oauth;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** A token, and the other string fields of its answer that the caller asked for. */
public final class TokenAnswer {
    private final AccessToken token;
    private final Map<String, String> fields;

    TokenAnswer(AccessToken token, Map<String, String> fields) {
        this.token = token;
        this.fields = Collections.unmodifiableMap(new HashMap<>(fields));
    }

    public AccessToken token() {
        return token;
    }

    /** The field's value, or null when the answer has none. */
    public String field(String name) {
        return fields.get(name);
    }

    /** Field names only: values may be anything a server sends. */
    @Override
    public String toString() {
        return "TokenAnswer{" + token + ", fields=" + fields.keySet() + "}";
    }
}
