package dev.cxtoken.oauth;

/** What a client authentication method presents. */
public enum CredentialKind {
    /** A client secret (client_secret_basic, client_secret_post). */
    SECRET,
    /** A private key that signs a fresh assertion for each request (private_key_jwt). */
    PRIVATE_KEY,
    /** A JWT someone else issued, such as the CI job's identity token (federated). */
    ASSERTION
}
