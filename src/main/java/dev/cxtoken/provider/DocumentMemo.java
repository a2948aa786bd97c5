package dev.cxtoken.provider;

import dev.cxtoken.CxTokenException;

/** Build-wide memory for facts fetched once per build, such as a discovery document's token endpoint. */
public interface DocumentMemo {
    /** Looks a value up over the network. */
    @FunctionalInterface
    interface Loader {
        String load() throws CxTokenException;
    }

    /** The value remembered under {@code key}, loaded on first use; a failed load is not remembered. */
    String remember(String key, Loader loader) throws CxTokenException;

    /** A memo that remembers nothing, for a single fetch. */
    DocumentMemo NONE = (key, loader) -> loader.load();
}
