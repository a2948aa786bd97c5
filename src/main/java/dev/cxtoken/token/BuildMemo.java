package dev.cxtoken.token;

import dev.cxtoken.CxTokenException;
import dev.cxtoken.provider.DocumentMemo;
import java.util.concurrent.ConcurrentMap;

/**
 * Facts fetched once per build, such as a discovery document's token endpoint, kept apart from the tokens. Concurrent
 * callers wait for the load in flight; a failed load is not remembered, so a later module may try again.
 */
public final class BuildMemo implements DocumentMemo {
    private final ConcurrentMap<String, Object> values;
    private final ConcurrentMap<String, Object> locks;

    public BuildMemo(ConcurrentMap<String, Object> store) {
        this.values = BuildTokenCache.section(store, "documents");
        this.locks = BuildTokenCache.section(store, "document-locks");
    }

    @Override
    public String remember(String key, Loader loader) throws CxTokenException {
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            Object known = values.get(key);
            if (known instanceof String) {
                return (String) known;
            }
            String loaded = loader.load();
            values.put(key, loaded);
            return loaded;
        }
    }
}
