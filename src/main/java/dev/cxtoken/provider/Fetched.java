package dev.cxtoken.provider;

import dev.cxtoken.oauth.AccessToken;

/**
 * A token just fetched, where its API base URL came from (and why it has none when a lookup for one failed), the org
 * it was checked against, and how it is revoked.
 */
public final class Fetched {
    private final AccessToken token;
    private final String apiBaseUrlProblem;
    private final String apiBaseUrlSource;
    private final Organization organization;
    private final Revocation revocation;

    /**
     * @param apiBaseUrlProblem what went wrong finding the API base URL, or null
     * @param apiBaseUrlSource where the API base URL came from when the provider had a choice, or null
     */
    public Fetched(AccessToken token, String apiBaseUrlProblem, String apiBaseUrlSource) {
        this(token, apiBaseUrlProblem, apiBaseUrlSource, null, Revocation.unavailable("the provider offers none"));
    }

    public Fetched(AccessToken token, String apiBaseUrlProblem, String apiBaseUrlSource, Organization organization,
            Revocation revocation) {
        this.token = token;
        this.apiBaseUrlProblem = apiBaseUrlProblem;
        this.apiBaseUrlSource = apiBaseUrlSource;
        this.organization = organization;
        this.revocation = revocation;
    }

    /** The same fetch, with how its token is revoked. */
    Fetched revokedBy(Revocation how) {
        return new Fetched(token, apiBaseUrlProblem, apiBaseUrlSource, organization, how);
    }

    /** The same fetch, with the org its token was checked against. */
    Fetched checkedAgainst(Organization org) {
        return new Fetched(token, apiBaseUrlProblem, apiBaseUrlSource, org, revocation);
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

    /** The org the token was checked against (expectedOrganization), or null when none was pinned. */
    public Organization organization() {
        return organization;
    }

    public Revocation revocation() {
        return revocation;
    }

    @Override
    public String toString() {
        return "Fetched{" + token + "}";
    }
}
