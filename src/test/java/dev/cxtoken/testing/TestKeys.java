package dev.cxtoken.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Client keys for tests, in the forms users hold them, and JWTs to check and to present. */
public final class TestKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {}

    public static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    public static KeyPair ec(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    public static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    /** PKCS#8 PEM, as {@code openssl genpkey} writes it. */
    public static String pkcs8(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /** The OpenSSL-made test keys in src/test/resources/keys (see its README.md); encrypted with "pass phrase". */
    public static Path fixture(String name) {
        return Path.of("src", "test", "resources", "keys", name).toAbsolutePath();
    }

    /** The public key of a fixture, from its {@code -----BEGIN PUBLIC KEY-----} file. */
    public static PublicKey publicFixture(String name, String type) throws Exception {
        String pem = Files.readString(fixture(name));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
        return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
    }

    /** A PKCS#12 file made by keytool, as users make them: an RSA key with its self-signed certificate. */
    public static Path pkcs12(Path dir, String name, String password) throws IOException, InterruptedException {
        Path file = dir.resolve(name + ".p12");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-genkeypair", "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass",
                password, "-keypass", password, "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-dname",
                "CN=" + name, "-validity", "2"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        return file;
    }

    public static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** A JWT with these claims and a signature nobody checks here: what a CI system's token looks like on the wire. */
    public static String jwt(JsonObject claims) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString("not-checked-signature".getBytes(StandardCharsets.UTF_8));
    }

    /** A CI job token for {@code aud}, issued now and valid for {@code lifetimeSeconds}. */
    public static String ciToken(String sub, String aud, long lifetimeSeconds) {
        long now = System.currentTimeMillis() / 1000;
        JsonObject claims = new JsonObject();
        claims.addProperty("iss", "https://ci.example.test");
        claims.addProperty("sub", sub);
        claims.addProperty("aud", aud);
        claims.addProperty("iat", now);
        claims.addProperty("exp", now + lifetimeSeconds);
        claims.addProperty("jti", Long.toHexString(RANDOM.nextLong()));
        return jwt(claims);
    }

    public static JsonObject part(String jwt, int index) {
        return JsonParser.parseString(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]),
                StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /** Whether the JWS signature of {@code jwt} verifies with {@code key} for the algorithm its header names. */
    public static boolean verifies(String jwt, PublicKey key) throws Exception {
        String alg = part(jwt, 0).get("alg").getAsString();
        Signature signature;
        switch (alg) {
            case "RS256":
                signature = Signature.getInstance("SHA256withRSA");
                break;
            case "PS256":
                signature = Signature.getInstance("RSASSA-PSS");
                signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                break;
            case "ES256":
                signature = Signature.getInstance("SHA256withECDSAinP1363Format");
                break;
            default:
                throw new IllegalArgumentException(alg);
        }
        int lastDot = jwt.lastIndexOf('.');
        signature.initVerify(key);
        signature.update(jwt.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        return signature.verify(Base64.getUrlDecoder().decode(jwt.substring(lastDot + 1)));
    }
}
