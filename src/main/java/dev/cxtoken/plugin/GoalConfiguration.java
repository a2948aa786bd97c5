package dev.cxtoken.plugin;

import dev.cxtoken.InvalidConfigurationException;
import dev.cxtoken.credentials.EnvironmentVariables;
import dev.cxtoken.http.HttpSettings;
import dev.cxtoken.provider.Login;
import dev.cxtoken.provider.Provider;
import dev.cxtoken.provider.ProviderOptions;
import dev.cxtoken.provider.Providers;
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
 * The goal's parameters, checked and typed. Every message names the parameter and its property, and none repeats a
 * value that could be a secret pasted into the wrong parameter.
 */
public final class GoalConfiguration {
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9_.:-]+");
    private static final List<String> RESERVED_PARAMETERS =
            Arrays.asList("grant_type", "client_id", "client_secret", "scope", "username", "password");

    final Provider provider;
    final Login login;
    final List<String> scopes;
    final Map<String, String> extraParameters;
    final String tokenProperty;
    final Duration minValidity;
    final HttpSettings http;
    final String tokenFile;
    final boolean refresh;
    /** Whether the token is revoked at the end of the build: revoke when set, else unless tokenFile is set. */
    final boolean revoke;
    /** Why the token stays valid after the build when {@link #revoke} is false. */
    final String keptBecause;
    final String expectedOrganization;

    private GoalConfiguration(Provider provider, Login login, List<String> scopes, Map<String, String> extra,
            String tokenProperty, Duration minValidity, HttpSettings http, String tokenFile, boolean refresh,
            Boolean revoke, String expectedOrganization) {
        this.refresh = refresh;
        boolean hasTokenFile = tokenFile != null && !tokenFile.trim().isEmpty();
        this.revoke = revoke != null ? revoke : !hasTokenFile;
        this.keptBecause = revoke != null ? "revoke is false" : "tokenFile is set, so the token outlives the build"
                + " for later steps; set revoke (cxtoken.revoke) to true to revoke it at the end";
        this.expectedOrganization = expectedOrganization == null || expectedOrganization.trim().isEmpty() ? null
                : expectedOrganization.trim();
        this.provider = provider;
        this.login = login;
        this.scopes = scopes;
        this.extraParameters = extra;
        this.tokenProperty = tokenProperty;
        this.minValidity = minValidity;
        this.http = http;
        this.tokenFile = tokenFile;
    }

    /**
     * @param variables the build's environment, to check that the parameters naming variables hold names, before
     *     any of them is shown in a message
     */
    public static GoalConfiguration parse(Parameters p, EnvironmentVariables variables)
            throws InvalidConfigurationException {
        Provider provider = Providers.parse(p.get("provider"));
        for (String name : Arrays.asList("serverId", "accessKeyServerId", "clientId")) {
            checkName(name, p.get(name), false);
        }
        checkName("tokenProperty", p.get("tokenProperty"), true);
        for (String name : Arrays.asList("clientIdEnv", "clientSecretEnv", "accessKeyIdEnv", "accessKeySecretEnv",
                "clientKeyEnv", "clientAssertionEnv")) {
            variables.checkName(name, p.get(name));
        }
        List<String> scopes = parseScopes(p.get("scopes"));
        Map<String, String> extra = parseParameters(p.extraParameters());
        ProviderOptions options = new ProviderOptions(p.get("environment"), p.get("tokenUrl"), p.get("serverId"),
                p.get("clientId"), p.get("clientIdEnv"), p.get("clientSecretEnv"), p.get("accessKeyServerId"),
                p.get("accessKeyIdEnv"), p.get("accessKeySecretEnv"), scopes, extra, p.get("clientAuth"),
                p.get("cxoneLogin")).lifecycle(p.get("revocationUrl"), p.get("expectedOrganization"))
                .secretless(p.get("issuer"), p.get("keyId"), p.get("assertionAudience"), p.get("signingAlgorithm"),
                        p.get("clientKeyEnv"), p.get("clientAssertionEnv"));
        Login login = provider.configure(options);
        Duration validity = Duration.ofSeconds(wholeNumber(p, "minValidity", 0, 86_400, "seconds"));
        HttpSettings http = new HttpSettings(Duration.ofSeconds(wholeNumber(p, "timeout", 1, 3_600, "seconds")),
                wholeNumber(p, "maxAttempts", 1, 20, "attempts"),
                Duration.ofSeconds(wholeNumber(p, "connectTimeout", 1, 600, "seconds")),
                Duration.ofSeconds(wholeNumber(p, "responseTimeout", 1, 600, "seconds")));
        return new GoalConfiguration(provider, login, scopes, extra, p.get("tokenProperty").trim(), validity, http,
                p.get("tokenFile"), flag(p, "refresh", true), flag(p, "revoke", null), p.get("expectedOrganization"));
    }

    /** The configured provider, ready to log in. */
    public Login login() {
        return login;
    }

    private static void checkName(String parameter, String value, boolean required)
            throws InvalidConfigurationException {
        if (value == null || value.trim().isEmpty()) {
            if (required) {
                throw new InvalidConfigurationException(parameter + " (property cxtoken." + parameter + ") is empty."
                        + " Give it a name such as cx.token.");
            }
            return;
        }
        String trimmed = value.trim();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new InvalidConfigurationException(parameter + " '" + trimmed + "' (property cxtoken."
                        + parameter + ") contains white space or control characters. Use a single word such as "
                        + (parameter.equals("tokenProperty") ? "cx.token" : "genesys-prod") + ".");
            }
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

    private static Map<String, String> parseParameters(Map<String, String> raw) throws InvalidConfigurationException {
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

    private static Boolean flag(Parameters p, String parameter, Boolean unset) throws InvalidConfigurationException {
        String value = p.get(parameter);
        if (value == null || value.trim().isEmpty()) {
            return unset;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                throw new InvalidConfigurationException(parameter + " (property cxtoken." + parameter + ") is '"
                        + value.trim() + "'. Use true or false.");
        }
    }

    private static int wholeNumber(Parameters p, String parameter, int min, int max, String unit)
            throws InvalidConfigurationException {
        String value = p.get(parameter);
        String trimmed = value == null ? "" : value.trim();
        String property = "cxtoken." + parameter;
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
