package dev.cxtoken.oauth;

import dev.cxtoken.Credential;
import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.Secret;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Locale;

/**
 * A client's private key and the JWS algorithm it signs with (RS256, PS256 or ES256, RFC 7518 §3), all with JDK
 * crypto. A secret: {@code toString()} names only the algorithm and where the key came from.
 */
public final class SigningKey implements Credential {
    private final PrivateKey key;
    private final String algorithm;
    private final String keyId;
    private final String source;
    private final String thumbprint;

    private SigningKey(PrivateKey key, String algorithm, String keyId, String source, String thumbprint) {
        this.key = key;
        this.algorithm = algorithm;
        this.keyId = keyId;
        this.source = source;
        this.thumbprint = thumbprint;
    }

    private SigningKey(PrivateKey key, String algorithm, String keyId, String source) {
        this(key, algorithm, keyId, source, null);
    }

    /**
     * The same key, naming its certificate in the {@code x5t#S256} header (RFC 7515 §4.1.8), as Microsoft Entra
     * asks of certificate credentials.
     *
     * @param der the certificate's DER encoding, or null when the key came without one
     */
    public SigningKey withCertificate(byte[] der) {
        if (der == null) {
            return this;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(der);
            return new SigningKey(key, algorithm, keyId, source,
                    java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The certificate's SHA-256 thumbprint, base64url, or null. */
    String thumbprint() {
        return thumbprint;
    }

    /**
     * @param configured the signingAlgorithm parameter, or null to choose from the key type
     * @param keyId the JWS {@code kid}, or null
     * @param source where the key came from, for messages: "settings.xml server 'oauth2' (privateKey)"
     */
    public static SigningKey of(PrivateKey key, String configured, String keyId, String source)
            throws InvalidConfigurationException {
        String type = key instanceof RSAPrivateKey ? "RSA" : key instanceof ECPrivateKey ? "EC" : key.getAlgorithm();
        String chosen = configured == null ? null : configured.trim().toUpperCase(Locale.ROOT);
        if (chosen != null && !chosen.equals("RS256") && !chosen.equals("PS256") && !chosen.equals("ES256")) {
            throw new InvalidConfigurationException("signingAlgorithm '" + configured.trim() + "' (property"
                    + " cxtoken.signingAlgorithm) is not one the plugin signs with. Use RS256 or PS256 for an RSA key,"
                    + " ES256 for an EC P-256 key, or leave it unset to choose from the key.");
        }
        if (type.equals("RSA")) {
            int bits = ((RSAPrivateKey) key).getModulus().bitLength();
            if (bits < 2048) {
                throw new InvalidConfigurationException("The RSA key from " + source + " has " + bits + " bits; JWS"
                        + " signatures need at least 2048 (RFC 7518 §3.3). Generate a new key, for example with"
                        + " openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048, and register its public"
                        + " key with the server.");
            }
            if (chosen != null && chosen.equals("ES256")) {
                throw mismatch(source, "an RSA key", chosen, "RS256 or PS256");
            }
            return new SigningKey(key, chosen == null ? "RS256" : chosen, keyId, source);
        }
        if (type.equals("EC")) {
            int bits = ((ECPrivateKey) key).getParams().getCurve().getField().getFieldSize();
            if (bits != 256) {
                throw new InvalidConfigurationException("The EC key from " + source + " is on a " + bits + "-bit"
                        + " curve; the plugin signs ES256, which needs the P-256 curve (secp256r1, prime256v1)."
                        + " Generate one with openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256.");
            }
            if (chosen != null && !chosen.equals("ES256")) {
                throw mismatch(source, "an EC P-256 key", chosen, "ES256");
            }
            return new SigningKey(key, "ES256", keyId, source);
        }
        throw new InvalidConfigurationException("The key from " + source + " is a " + type + " key; the plugin signs"
                + " with RSA (RS256, PS256) or EC P-256 (ES256) keys.");
    }

    private static InvalidConfigurationException mismatch(String source, String what, String chosen, String fits) {
        return new InvalidConfigurationException("signingAlgorithm " + chosen + " (property cxtoken.signingAlgorithm)"
                + " does not fit the key from " + source + ", which is " + what + ". Set signingAlgorithm to " + fits
                + ", or leave it unset to choose from the key.");
    }

    /** The JWS {@code alg}: RS256, PS256 or ES256. */
    public String algorithm() {
        return algorithm;
    }

    /** Where the key came from: "environment variable OAUTH_CLIENT_KEY". */
    public String source() {
        return source;
    }

    /** The JWS {@code kid}, or null. */
    String keyId() {
        return keyId;
    }

    /** Signs {@code input} as JWS {@link #algorithm()} requires (for ES256, the raw R||S form of RFC 7518 §3.4). */
    byte[] sign(byte[] input) {
        try {
            Signature signature;
            if (algorithm.equals("PS256")) {
                signature = Signature.getInstance("RSASSA-PSS");
                signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            } else {
                signature = Signature.getInstance(algorithm.equals("ES256") ? "SHA256withECDSAinP1363Format"
                        : "SHA256withRSA");
            }
            signature.initSign(key);
            signature.update(input);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            // Every Java 11 platform has these algorithms, and the key was checked against the algorithm.
            throw new IllegalStateException("Could not sign with " + algorithm + ": " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String fingerprint() {
        return Secret.sha256(key.getEncoded()) + ":" + algorithm + ":" + (keyId == null ? "" : keyId);
    }

    @Override
    public String toString() {
        return "SigningKey{" + algorithm + ", from " + source + ", key=[redacted]}";
    }
}
