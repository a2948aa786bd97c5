package dev.cxtoken.provider;

import dev.cxtoken.InvalidConfigurationException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The CXone areas of NICE's access-key token API. NICE's "Create Access Key" page names na1, au1 and eu1; public
 * integration code also uses uk1, ca1 and jp1. The token API lives at {@code <area>.nice-incontact.com}, the
 * platform API at {@code api-<area>.niceincontact.com}.
 */
final class CxoneAreas {
    static final List<String> AREAS = Collections.unmodifiableList(Arrays.asList("na1", "au1", "eu1", "uk1", "ca1",
            "jp1"));
    private static final String TOKEN_HOST_SUFFIX = ".nice-incontact.com";

    private CxoneAreas() {}

    /** Whether {@code environment} names an area, as a code or as its token host. */
    static boolean isArea(String environment) {
        return environment != null && AREAS.contains(code(environment));
    }

    /**
     * The area an environment names: {@code eu1}, {@code EU1} or {@code eu1.nice-incontact.com}.
     *
     * @throws InvalidConfigurationException naming the areas and the closest match
     */
    static String parse(String environment) throws InvalidConfigurationException {
        String code = code(environment);
        if (AREAS.contains(code)) {
            return code;
        }
        throw new InvalidConfigurationException("Unknown CXone area '" + environment.trim() + "' (parameter"
                + " environment, property cxtoken.environment) for the access-key login."
                + Spelling.didYouMean(code, AREAS) + " Use one of " + String.join(", ", AREAS) + " (the area in your"
                + " CXone URL, such as eu1 in https://eu1.nice-incontact.com), or set tokenUrl (cxtoken.tokenUrl).");
    }

    private static String code(String environment) {
        String value = environment.trim().toLowerCase(Locale.ROOT).replaceFirst("^https://", "");
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        return value.endsWith(TOKEN_HOST_SUFFIX) ? value.substring(0, value.length() - TOKEN_HOST_SUFFIX.length())
                : value;
    }

    static String tokenUrl(String area) {
        return "https://" + area + TOKEN_HOST_SUFFIX + "/authentication/v1/token/access-key";
    }

    static String apiBaseUrl(String area) {
        return "https://api-" + area + ".niceincontact.com";
    }
}
