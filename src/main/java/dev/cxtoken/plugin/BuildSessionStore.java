package dev.cxtoken.plugin;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.aether.SessionData;

/**
 * The build-wide map behind the token cache, kept in the repository session's data. Installed with compare-and-set,
 * which Maven 3.6.3's resolver already offers, so concurrent modules under -T agree on one map.
 */
final class BuildSessionStore {
    /** A String key and a JDK map value, so every class realm of this plugin sees the same entry. */
    static final String KEY = "dev.cxtoken.cx-token-maven-plugin.tokens";

    private BuildSessionStore() {}

    @SuppressWarnings("unchecked")
    static ConcurrentMap<String, Object> of(SessionData data) {
        Object existing = data.get(KEY);
        while (!(existing instanceof ConcurrentMap)) {
            data.set(KEY, existing, new ConcurrentHashMap<String, Object>());
            existing = data.get(KEY);
        }
        return (ConcurrentMap<String, Object>) existing;
    }
}
