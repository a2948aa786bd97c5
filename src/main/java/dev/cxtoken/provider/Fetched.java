package dev.cxtoken.provider;

import dev.cxtoken.oauth.AccessToken;

/** A token just fetched, and why it has no API base URL when a lookup for one failed. */
public final class Fetched {
    private final AccessToken token;
    private final String apiBaseUrlProblem;

    public Fetched(AccessToken token, String apiBaseUrlProblem) {
        this.token = token;
        this.apiBaseUrlProblem = apiBaseUrlProblem;
    }

    public AccessToken token() {
        return token;
    }

    /** What went wrong finding the API base URL, or null. The token is good either way. */
    public String apiBaseUrlProblem() {
        return apiBaseUrlProblem;
    }

    @Override
    public String toString() {
        return "Fetched{" + token + "}";
    }
}
