package dev.cxtoken.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxtoken.plugin.Parameters;
import dev.cxtoken.TokenRequestRejectedException;
import dev.cxtoken.credentials.CredentialResolver;
import dev.cxtoken.credentials.EnvironmentVariables;
import dev.cxtoken.testing.RecordingLog;
import dev.cxtoken.testing.TestBuild;
import dev.cxtoken.testing.TestParameters;
import dev.cxtoken.token.BuildTokenCache;
import dev.cxtoken.token.TokenService;
import dev.cxtoken.standin.StandInTokenServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Secrets with the characters encodings trip over (':', '%', '+', '=', '&', a space, non-ASCII up to characters outside
 * the Basic Multilingual Plane) reach a server that decodes them the way the real one does: Genesys Cloud reads the
 * raw pair from the Basic header, RFC 6749 servers form-decode id and secret inside it, or read them from the form
 * body. The secret comes from an environment variable or, as a Docker or Kubernetes secret would, from a UTF-8 file.
 */
class SecretRoundTripTest {
    private static final String CLIENT_ID = "client é+1";
    private static final String[] SECRETS = {
        TestBuild.SECRET,
        "p:a%2Bss+w=rd&x=1 ü€😀",
        "密码:=&+%25%",
    };

    @TempDir
    Path dir;

    static Stream<Arguments> secretsAndEncodings() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (String secret : SECRETS) {
            for (String encoding : new String[] {"genesys raw Basic", "oauth2 form-encoded Basic", "oauth2 post"}) {
                for (boolean fromFile : new boolean[] {false, true}) {
                    cases.add(Arguments.of(secret, encoding, fromFile));
                }
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{1}, secret {0}, from a file: {2}")
    @MethodSource("secretsAndEncodings")
    void theServerDecodesTheSecretItWasGiven(String secret, String encoding, boolean fromFile) throws Exception {
        try (StandInTokenServer server = new StandInTokenServer(0, CLIENT_ID, secret, 3600)) {
            TokenService.Outcome outcome = obtain(configuration(server, encoding), secret, fromFile);
            assertTrue(server.issuedTokens().contains(outcome.token().value().reveal()));
            assertEquals(1, server.tokenRequests());
        }
    }

    /** The encodings really differ for these secrets, so each provider's must be the one its server expects. */
    @ParameterizedTest(name = "secret {0}")
    @MethodSource("secrets")
    void theOtherProvidersEncodingIsRefused(String secret) throws Exception {
        try (StandInTokenServer server = new StandInTokenServer(0, CLIENT_ID, secret, 3600)) {
            Parameters rawPairToAnRfc6749Server =
                    TestParameters.genesys(server.baseUrl() + "/oauth2/token");
            Parameters encodedPairToGenesys =
                    TestParameters.oauth2(server.baseUrl() + "/oauth/token");
            for (Parameters config : new Parameters[] {rawPairToAnRfc6749Server, encodedPairToGenesys}) {
                TokenRequestRejectedException e =
                        assertThrows(TokenRequestRejectedException.class, () -> obtain(config, secret, false));
                assertTrue(e.getMessage().contains("invalid_client"), e.getMessage());
            }
            assertEquals(2, server.tokenRequests());
        }
    }

    static Stream<String> secrets() {
        return Stream.of(SECRETS);
    }

    private static Parameters configuration(StandInTokenServer server, String encoding) throws Exception {
        switch (encoding) {
            case "genesys raw Basic":
                return TestParameters.genesys(server.baseUrl() + "/oauth/token");
            case "oauth2 form-encoded Basic":
                return TestParameters.oauth2(server.baseUrl() + "/oauth2/token").with("clientAuth", "basic");
            default:
                return TestParameters.oauth2(server.baseUrl() + "/oauth2/token").with("clientAuth", "post");
        }
    }

    private TokenService.Outcome obtain(Parameters config, String secret, boolean fromFile) throws Exception {
        TestBuild build = new TestBuild();
        String prefix = config.get("provider").equals("genesys") ? "GENESYS" : "OAUTH";
        build.environment.put(prefix + "_CLIENT_ID", CLIENT_ID);
        if (fromFile) {
            Path file = Files.write(dir.resolve("client-secret"), (secret + "\n").getBytes(StandardCharsets.UTF_8));
            build.environment.put(prefix + "_CLIENT_SECRET_FILE", file.toString());
        } else {
            build.environment.put(prefix + "_CLIENT_SECRET", secret);
        }
        return build.run(config).outcome();
    }
}
