package dev.cxtoken.provider;

import dev.cxtoken.oauth.AccessToken;

/** A token just fetched, where its API base URL came from, and why it has none when a lookup for one failed. */
public final class Fetched {
    private final AccessToken token;
    private final String apiBaseUrlProblem;
    private final String apiBaseUrlSource;

    /**
     * @param apiBaseUrlProblem what went wrong finding the API base URL, or null
     * @param apiBaseUrlSource where the API base URL came from when the provider had a choice, or null
     */
    public Fetched(AccessToken token, String apiBaseUrlProblem, String apiBaseUrlSource) {
        this.token = token;
        this.apiBaseUrlProblem = apiBaseUrlProblem;
        this.apiBaseUrlSource = apiBaseUrlSource;
    }

    public AccessToken token() {
        return token;
    }

    /** What went wrong finding the API base URL, or null. The token is good either way. */
    public String apiBaseUrlProblem() {
        return apiBaseUrlProblem;
    }

    /** Where the API base URL came from, when there was a choice, or null. */
    public String apiBaseUrlSource() {
        return apiBaseUrlSource;
    }

    @Override
    public String toString() {
        return "Fetched{" + token + "}";
    }
}
