package dev.cxtoken.credentials;

import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.Secret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Reads a client's private key with JDK crypto only: a PKCS#8 PEM, plain or encrypted (as {@code openssl genpkey}
 * writes them), or a PKCS#12 file. Every message names the file or variable and what to change, never the key.
 */
final class PrivateKeys {
    private static final long MAX_FILE_BYTES = 64 * 1024;
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");

    private PrivateKeys() {}

    /** A private key, and the DER of its certificate when the file holds one (a PKCS#12 entry, a PEM bundle). */
    static final class Loaded {
        final PrivateKey key;
        final byte[] certificate;

        Loaded(PrivateKey key, byte[] certificate) {
            this.key = key;
            this.certificate = certificate;
        }

        @Override
        public String toString() {
            return "Loaded{key=[redacted]}";
        }
    }

    /**
     * @param where the file's place for messages: "settings.xml server 'oauth2' <privateKey>"
     * @param passphrase the passphrase of an encrypted PEM or a PKCS#12 file, or null
     */
    static Loaded fromFile(String path, Secret passphrase, String where) throws InvalidConfigurationException {
        Path file;
        try {
            file = Paths.get(path);
        } catch (InvalidPathException e) {
            throw new InvalidConfigurationException(where + " is not a valid path on this system. Set it to the path"
                    + " of the PKCS#8 PEM or PKCS#12 file that holds the client's private key.");
        }
        String named = where + " ('" + path + "')";
        if (!Files.isRegularFile(file)) {
            throw new InvalidConfigurationException("Cannot read the private key: " + named + " is "
                    + (Files.exists(file) ? "not a regular file" : "no existing file") + ". Set it to the path of the"
                    + " PKCS#8 PEM or PKCS#12 file that holds the client's private key.");
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new InvalidConfigurationException("Cannot use " + named + " as a private key: it is larger"
                        + " than 64 KiB, which no key file is.");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidConfigurationException("Cannot read the private key in " + named + ": "
                    + (e instanceof AccessDeniedException ? "permission denied" : "the file could not be read")
                    + ". Check that the user running Maven may read it.");
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (text.trim().startsWith("-----BEGIN")) {
            return fromPem(text, passphrase, named);
        }
        return fromPkcs12(bytes, passphrase, named);
    }

    /**
     * The private key in PEM text, with the certificate that follows or precedes it in the same text, if any.
     *
     * @param where the text's place for messages: "environment variable OAUTH_CLIENT_KEY"
     */
    static Loaded fromPem(String text, Secret passphrase, String where) throws InvalidConfigurationException {
        Matcher pem = PEM.matcher(text);
        String keyLabel = null;
        String firstLabel = null;
        byte[] keyDer = null;
        byte[] certificate = null;
        while (pem.find()) {
            String label = pem.group(1);
            firstLabel = firstLabel == null ? label : firstLabel;
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(pem.group(2).trim());
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException("A PEM block in " + where + " is damaged: its body is not"
                        + " Base64. Copy the key file again, whole.");
            }
            if (label.endsWith("PRIVATE KEY") && keyLabel == null) {
                keyLabel = label;
                keyDer = der;
            } else if (label.equals("CERTIFICATE") && certificate == null) {
                certificate = der;
            }
        }
        if (firstLabel == null) {
            throw new InvalidConfigurationException("The private key in " + where + " is not PEM text: expected"
                    + " -----BEGIN PRIVATE KEY----- … -----END PRIVATE KEY-----, a PKCS#8 key.");
        }
        String label = keyLabel == null ? firstLabel : keyLabel;
        switch (label) {
            case "PRIVATE KEY":
                return new Loaded(pkcs8(keyDer, where), certificate);
            case "ENCRYPTED PRIVATE KEY":
                return new Loaded(encryptedPkcs8(keyDer, passphrase, where), certificate);
            case "RSA PRIVATE KEY":
            case "EC PRIVATE KEY":
                throw new InvalidConfigurationException("The key in " + where + " is in the older " + label + " form,"
                        + " not PKCS#8. Convert it: openssl pkcs8 -topk8 -nocrypt -in old.pem -out key.pem (or"
                        + " without -nocrypt to encrypt it with a passphrase).");
            case "CERTIFICATE":
            case "PUBLIC KEY":
                throw new InvalidConfigurationException(where + " holds a " + label.toLowerCase(java.util.Locale.ROOT)
                        + ", not a private key. The server keeps the certificate or public key; the build needs the"
                        + " private key that belongs to it (-----BEGIN PRIVATE KEY-----).");
            default:
                throw new InvalidConfigurationException(where + " holds a PEM block labelled " + label + ", not a"
                        + " private key. Expected -----BEGIN PRIVATE KEY----- (PKCS#8).");
        }
    }

    private static PrivateKey pkcs8(byte[] der, String where) throws InvalidConfigurationException {
        for (String type : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // Not this type: try the next.
            }
        }
        throw new InvalidConfigurationException("The private key in " + where + " is neither an RSA nor an EC key"
                + " that Java can read. Use an RSA (2048 bits or more) or EC P-256 key in PKCS#8 form.");
    }

    private static PrivateKey encryptedPkcs8(byte[] der, Secret passphrase, String where)
            throws InvalidConfigurationException {
        if (passphrase == null) {
            throw new InvalidConfigurationException("The private key in " + where + " is encrypted, and no"
                    + " passphrase is configured. Put it in <passphrase> of the settings.xml server (it may be"
                    + " encrypted with mvn --encrypt-password), or use an unencrypted key.");
        }
        PKCS8EncodedKeySpec spec;
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
            // PBES2's parameters name the real scheme, such as PBEWithHmacSHA256AndAES_256.
            String scheme = info.getAlgParameters() == null ? info.getAlgName() : info.getAlgParameters().toString();
            char[] chars = passphrase.reveal().toCharArray();
            Key key = SecretKeyFactory.getInstance(scheme).generateSecret(new PBEKeySpec(chars));
            Cipher cipher = Cipher.getInstance(scheme);
            cipher.init(Cipher.DECRYPT_MODE, key, info.getAlgParameters());
            spec = info.getKeySpec(cipher);
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new InvalidConfigurationException("The encrypted private key in " + where + " uses an encryption"
                    + " Java cannot read. Re-encrypt it with PBES2 and AES: openssl pkcs8 -topk8 -v2 aes-256-cbc"
                    + " -in key.pem -out encrypted.pem.");
        } catch (GeneralSecurityException e) {
            throw wrongPassphrase(where);
        }
        try {
            return pkcs8(spec.getEncoded(), where);
        } catch (InvalidConfigurationException e) {
            // A wrong passphrase can decrypt to garbage with valid padding.
            throw wrongPassphrase(where);
        }
    }

    private static Loaded fromPkcs12(byte[] bytes, Secret passphrase, String where)
            throws InvalidConfigurationException {
        char[] chars = passphrase == null ? new char[0] : passphrase.reveal().toCharArray();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), chars);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Key key = store.getKey(alias, chars);
                    if (key instanceof PrivateKey) {
                        java.security.cert.Certificate certificate = store.getCertificate(alias);
                        return new Loaded((PrivateKey) key, certificate == null ? null : certificate.getEncoded());
                    }
                }
            }
        } catch (IOException e) {
            if (e.getCause() instanceof java.security.UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password")) {
                throw wrongPassphrase(where);
            }
            throw new InvalidConfigurationException(where + " is neither PEM text nor a PKCS#12 file that Java can"
                    + " read. Use a PKCS#8 PEM (-----BEGIN PRIVATE KEY-----) or a PKCS#12 (.p12) file.");
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new InvalidConfigurationException(where + " holds a certificate Java cannot encode. Re-export the"
                    + " PKCS#12 file with the client's key and its X.509 certificate.");
        } catch (java.security.UnrecoverableKeyException e) {
            throw wrongPassphrase(where);
        } catch (GeneralSecurityException e) {
            throw new InvalidConfigurationException(where + " is a PKCS#12 file that Java cannot read. Use a PKCS#8"
                    + " PEM (-----BEGIN PRIVATE KEY-----) or re-export the PKCS#12 file with AES encryption.");
        }
        throw new InvalidConfigurationException(where + " is a PKCS#12 file without a private key entry. Export the"
                + " client's key together with its certificate into it.");
    }

    private static InvalidConfigurationException wrongPassphrase(String where) {
        return new InvalidConfigurationException("Cannot decrypt the private key in " + where + ": the passphrase is"
                + " wrong. Check <passphrase> of the settings.xml server (an encrypted value needs the same"
                + " settings-security.xml master password it was encrypted with).");
    }
}
