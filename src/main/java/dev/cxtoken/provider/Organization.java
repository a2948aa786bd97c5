package dev.cxtoken.provider;

import java.util.Locale;

/** The org (Genesys Cloud) or tenant (CXone) a token belongs to, and the OAuth client that fetched it. */
public final class Organization {
    private final String id;
    private final String name;
    private final String client;

    /**
     * @param name the org's name, or null when the provider names none (CXone's id_token names only the tenant id)
     * @param client the OAuth client's name, or its id when the provider gives no name
     */
    public Organization(String id, String name, String client) {
        this.id = id;
        this.name = name;
        this.client = client;
    }

    public String id() {
        return id;
    }

    /** The name, or null. */
    public String name() {
        return name;
    }

    public String client() {
        return client;
    }

    /** The id exactly, or the name ignoring case. */
    boolean matches(String expected) {
        String wanted = expected.trim();
        return id.equals(wanted) || (name != null && name.toLowerCase(Locale.ROOT)
                .equals(wanted.toLowerCase(Locale.ROOT)));
    }

    /** "'Prod org' (id 1234)", or "id 1234" without a name. */
    String describe() {
        return name == null ? "id " + id : "'" + name + "' (id " + id + ")";
    }

    @Override
    public String toString() {
        return "Organization{" + describe() + ", client " + client + "}";
    }
}
