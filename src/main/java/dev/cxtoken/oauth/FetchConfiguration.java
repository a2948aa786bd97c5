package dev.cxtoken.oauth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The goal's parameters, checked and typed. {@link Builder#build()} rejects every malformed value before anything is
 * sent, with a message naming the parameter and its user property.
 */
public final class FetchConfiguration {
    /** RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9_.:-]+");
    private static final List<String> RESERVED_PARAMETERS =
            Arrays.asList("grant_type", "client_id", "client_secret", "scope", "username", "password");
    static final String DEFAULT_ACCESS_KEY_SERVER_ID = "cxone-access-key";
    static final String DEFAULT_ACCESS_KEY_ID_ENV = "CXONE_ACCESS_KEY_ID";
    static final String DEFAULT_ACCESS_KEY_SECRET_ENV = "CXONE_ACCESS_KEY_SECRET";

    private final Provider provider;
    private final TokenEndpoint endpoint;
    private final String serverId;
    private final String clientId;
    private final String clientIdEnv;
    private final String clientSecretEnv;
    private final String accessKeyServerId;
    private final String accessKeyIdEnv;
    private final String accessKeySecretEnv;
    private final List<String> scopes;
    private final Map<String, String> extraParameters;
    private final ClientAuthentication clientAuthentication;
    private final String tokenProperty;
    private final Duration minValidity;
    private final HttpSettings httpSettings;

    private FetchConfiguration(Builder b, Provider provider, TokenEndpoint endpoint, List<String> scopes,
            Map<String, String> extraParameters, ClientAuthentication clientAuthentication, Duration minValidity,
            HttpSettings httpSettings) {
        this.provider = provider;
        this.endpoint = endpoint;
        this.serverId = blankToNull(b.serverId) == null ? provider.defaultServerId() : b.serverId.trim();
        this.clientId = blankToNull(b.clientId);
        this.clientIdEnv = blankToNull(b.clientIdEnv) == null ? provider.defaultClientIdEnv() : b.clientIdEnv.trim();
        this.clientSecretEnv =
                blankToNull(b.clientSecretEnv) == null ? provider.defaultClientSecretEnv() : b.clientSecretEnv.trim();
        this.accessKeyServerId = orDefault(b.accessKeyServerId, DEFAULT_ACCESS_KEY_SERVER_ID);
        this.accessKeyIdEnv = orDefault(b.accessKeyIdEnv, DEFAULT_ACCESS_KEY_ID_ENV);
        this.accessKeySecretEnv = orDefault(b.accessKeySecretEnv, DEFAULT_ACCESS_KEY_SECRET_ENV);
        this.scopes = scopes;
        this.extraParameters = extraParameters;
        this.clientAuthentication = clientAuthentication;
        this.tokenProperty = b.tokenProperty.trim();
        this.minValidity = minValidity;
        this.httpSettings = httpSettings;
    }

    public Provider provider() {
        return provider;
    }

    public TokenEndpoint endpoint() {
        return endpoint;
    }

    public String serverId() {
        return serverId;
    }

    /** The client id given as a parameter, or null. */
    public String clientId() {
        return clientId;
    }

    public String clientIdEnv() {
        return clientIdEnv;
    }

    public String clientSecretEnv() {
        return clientSecretEnv;
    }

    /** The settings.xml server holding the CXone access key: username = access key id, password = its secret. */
    public String accessKeyServerId() {
        return accessKeyServerId;
    }

    public String accessKeyIdEnv() {
        return accessKeyIdEnv;
    }

    public String accessKeySecretEnv() {
        return accessKeySecretEnv;
    }

    /** Where the client id and secret can be configured, for messages that tell the user what to check. */
    public String clientCredentialPlaces() {
        return "settings.xml server '" + serverId + "' (parameter serverId, property cxtoken.serverId) or the"
                + " environment variables " + clientIdEnv + " / " + clientSecretEnv;
    }

    /** Where the CXone access key can be configured, for messages that tell the user what to check. */
    public String accessKeyPlaces() {
        return "settings.xml server '" + accessKeyServerId + "' (parameter accessKeyServerId, property"
                + " cxtoken.accessKeyServerId) or the environment variables " + accessKeyIdEnv + " / "
                + accessKeySecretEnv;
    }

    public List<String> scopes() {
        return scopes;
    }

    /** Extra form parameters, sorted by name. */
    public Map<String, String> extraParameters() {
        return extraParameters;
    }

    public ClientAuthentication clientAuthentication() {
        return clientAuthentication;
    }

    public String tokenProperty() {
        return tokenProperty;
    }

    public Duration minValidity() {
        return minValidity;
    }

    public HttpSettings httpSettings() {
        return httpSettings;
    }

    private static String blankToNull(String value) {
        return value == null || value.trim().isEmpty() ? null : value;
    }

    private static String orDefault(String value, String fallback) {
        return blankToNull(value) == null ? fallback : value.trim();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Raw values as Maven hands them over; nulls mean "not configured". */
    public static final class Builder {
        private String provider = "genesys";
        private String environment;
        private String tokenUrl;
        private String serverId;
        private String clientId;
        private String clientIdEnv;
        private String clientSecretEnv;
        private String accessKeyServerId;
        private String accessKeyIdEnv;
        private String accessKeySecretEnv;
        private String scopes;
        private Map<String, String> parameters = Collections.emptyMap();
        private String clientAuth = "basic";
        private String tokenProperty = "cx.token";
        private String minValidity = "300";
        private String timeout = "60";
        private String maxAttempts = "4";
        private String connectTimeout = "10";
        private String responseTimeout = "20";

        public Builder provider(String value) {
            this.provider = value;
            return this;
        }

        /** Genesys Cloud region or domain, or the CXone issuer; blank means the provider's default. */
        public Builder environment(String value) {
            this.environment = value;
            return this;
        }

        public Builder tokenUrl(String value) {
            this.tokenUrl = value;
            return this;
        }

        public Builder serverId(String value) {
            this.serverId = value;
            return this;
        }

        public Builder clientId(String value) {
            this.clientId = value;
            return this;
        }

        public Builder clientIdEnv(String value) {
            this.clientIdEnv = value;
            return this;
        }

        public Builder clientSecretEnv(String value) {
            this.clientSecretEnv = value;
            return this;
        }

        public Builder accessKeyServerId(String value) {
            this.accessKeyServerId = value;
            return this;
        }

        public Builder accessKeyIdEnv(String value) {
            this.accessKeyIdEnv = value;
            return this;
        }

        public Builder accessKeySecretEnv(String value) {
            this.accessKeySecretEnv = value;
            return this;
        }

        public Builder scopes(String value) {
            this.scopes = value;
            return this;
        }

        public Builder parameters(Map<String, String> value) {
            this.parameters = value == null ? Collections.<String, String>emptyMap() : value;
            return this;
        }

        public Builder clientAuth(String value) {
            this.clientAuth = value;
            return this;
        }

        public Builder tokenProperty(String value) {
            this.tokenProperty = value;
            return this;
        }

        public Builder minValidity(String value) {
            this.minValidity = value;
            return this;
        }

        public Builder timeout(String value) {
            this.timeout = value;
            return this;
        }

        public Builder maxAttempts(String value) {
            this.maxAttempts = value;
            return this;
        }

        public Builder connectTimeout(String value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder responseTimeout(String value) {
            this.responseTimeout = value;
            return this;
        }

        public FetchConfiguration build() throws InvalidConfigurationException {
            Provider parsedProvider = Provider.parse(provider);
            TokenEndpoint endpoint = TokenEndpoint.resolve(parsedProvider, environment, tokenUrl);
            checkName("serverId", "cxtoken.serverId", serverId, false);
            checkEnvironmentVariableName("clientIdEnv", "cxtoken.clientIdEnv", clientIdEnv);
            checkEnvironmentVariableName("clientSecretEnv", "cxtoken.clientSecretEnv", clientSecretEnv);
            checkName("accessKeyServerId", "cxtoken.accessKeyServerId", accessKeyServerId, false);
            checkEnvironmentVariableName("accessKeyIdEnv", "cxtoken.accessKeyIdEnv", accessKeyIdEnv);
            checkEnvironmentVariableName("accessKeySecretEnv", "cxtoken.accessKeySecretEnv", accessKeySecretEnv);
            checkName("clientId", "cxtoken.clientId", clientId, false);
            checkName("tokenProperty", "cxtoken.tokenProperty", tokenProperty, true);
            List<String> parsedScopes = parseScopes(scopes);
            Map<String, String> extra = parseParameters(parameters);
            ClientAuthentication auth = ClientAuthentication.parse(clientAuth);
            Duration validity = Duration.ofSeconds(
                    parseWholeNumber("minValidity", "cxtoken.minValidity", minValidity, 0, 86_400, "seconds"));
            HttpSettings http = new HttpSettings(
                    Duration.ofSeconds(parseWholeNumber("timeout", "cxtoken.timeout", timeout, 1, 3_600, "seconds")),
                    parseWholeNumber("maxAttempts", "cxtoken.maxAttempts", maxAttempts, 1, 20, "attempts"),
                    Duration.ofSeconds(parseWholeNumber(
                            "connectTimeout", "cxtoken.connectTimeout", connectTimeout, 1, 600, "seconds")),
                    Duration.ofSeconds(parseWholeNumber(
                            "responseTimeout", "cxtoken.responseTimeout", responseTimeout, 1, 600, "seconds")));
            return new FetchConfiguration(this, parsedProvider, endpoint, parsedScopes, extra, auth, validity, http);
        }

        private static void checkName(String parameter, String property, String value, boolean required)
                throws InvalidConfigurationException {
            if (value == null || value.trim().isEmpty()) {
                if (required) {
                    throw new InvalidConfigurationException(
                            parameter + " (property " + property + ") is empty. Give it a name such as cx.token.");
                }
                return;
            }
            String trimmed = value.trim();
            for (int i = 0; i < trimmed.length(); i++) {
                char c = trimmed.charAt(i);
                if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                    throw new InvalidConfigurationException(parameter + " '" + trimmed + "' (property " + property
                            + ") contains white space or control characters. Use a single word such as "
                            + (parameter.equals("tokenProperty") ? "cx.token" : "genesys-prod") + ".");
                }
            }
        }

        private static void checkEnvironmentVariableName(String parameter, String property, String value)
                throws InvalidConfigurationException {
            if (value != null && !value.trim().isEmpty() && !ENV_NAME.matcher(value.trim()).matches()) {
                // The value is not repeated: a secret pasted here by mistake must not reach the build log.
                throw new InvalidConfigurationException(parameter + " (property " + property + ") is not an"
                        + " environment variable name. Use letters, digits and '_', for example GENESYS_CLIENT_SECRET."
                        + " It names the variable; never put the value itself here.");
            }
        }

        private static List<String> parseScopes(String value) throws InvalidConfigurationException {
            if (value == null || value.trim().isEmpty()) {
                return Collections.emptyList();
            }
            List<String> result = new ArrayList<>();
            for (String scope : value.trim().split("[\\s,]+")) {
                if (scope.isEmpty()) {
                    continue;
                }
                if (!SCOPE_TOKEN.matcher(scope).matches()) {
                    throw new InvalidConfigurationException("Scope '" + scope + "' (parameter scopes, property"
                            + " cxtoken.scopes) has a character RFC 6749 does not allow in a scope (quotes,"
                            + " backslashes, control or non-ASCII characters). Separate scopes with spaces or commas.");
                }
                if (!result.contains(scope)) {
                    result.add(scope);
                }
            }
            return Collections.unmodifiableList(result);
        }

        private static Map<String, String> parseParameters(Map<String, String> raw)
                throws InvalidConfigurationException {
            Map<String, String> sorted = new TreeMap<>();
            for (Map.Entry<String, String> entry : raw.entrySet()) {
                String name = entry.getKey() == null ? "" : entry.getKey().trim();
                if (!PARAMETER_NAME.matcher(name).matches()) {
                    throw new InvalidConfigurationException("Extra form parameter name '" + name + "' (parameter"
                            + " parameters) is not usable. Use letters, digits, '_', '.', ':' or '-', e.g."
                            + " <parameters><audience>https://api.example.com</audience></parameters>.");
                }
                if (RESERVED_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
                    throw new InvalidConfigurationException("Extra form parameter '" + name + "' (parameter"
                            + " parameters) is set by the plugin itself. Remove it; use scopes for the scope and"
                            + " settings.xml or environment variables for credentials.");
                }
                if (entry.getValue() == null || entry.getValue().trim().isEmpty()) {
                    throw new InvalidConfigurationException("Extra form parameter '" + name + "' (parameter"
                            + " parameters) has no value. Give it a value or remove it.");
                }
                sorted.put(name, entry.getValue().trim());
            }
            return Collections.unmodifiableMap(sorted);
        }

        private static int parseWholeNumber(String parameter, String property, String value, int min, int max,
                String unit) throws InvalidConfigurationException {
            String trimmed = value == null ? "" : value.trim();
            String expected = ". Expected a whole number of " + unit + " from " + min + " to " + max + ".";
            int parsed;
            try {
                parsed = Integer.parseInt(trimmed);
            } catch (NumberFormatException e) {
                throw new InvalidConfigurationException(
                        parameter + " (property " + property + ") is '" + trimmed + "', not a number" + expected);
            }
            if (parsed < min || parsed > max) {
                throw new InvalidConfigurationException(
                        parameter + " (property " + property + ") is " + parsed + ", out of range" + expected);
            }
            return parsed;
        }
    }
}
