package dev.cxtoken.provider;

import dev.cxtoken.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Genesys Cloud regions: AWS region names and the org domains they serve. Users write an environment as a region
 * ({@code eu-west-1}, {@code eu_west_1}) or a domain ({@code mypurecloud.ie}, {@code api.mypurecloud.ie},
 * {@code login.mypurecloud.ie}); every spelling resolves to the domain.
 */
public final class GenesysRegions {
    private static final Map<String, String> DOMAIN_BY_REGION = regionTable();

    private GenesysRegions() {}

    private static Map<String, String> regionTable() {
        Map<String, String> table = new LinkedHashMap<>();
        table.put("us-east-1", "mypurecloud.com");
        table.put("eu-west-1", "mypurecloud.ie");
        table.put("ap-southeast-2", "mypurecloud.com.au");
        table.put("ap-northeast-1", "mypurecloud.jp");
        table.put("eu-central-1", "mypurecloud.de");
        table.put("us-west-2", "usw2.pure.cloud");
        table.put("ca-central-1", "cac1.pure.cloud");
        table.put("ap-northeast-2", "apne2.pure.cloud");
        table.put("eu-west-2", "euw2.pure.cloud");
        table.put("ap-south-1", "aps1.pure.cloud");
        table.put("us-east-2", "use2.us-gov-pure.cloud");
        table.put("sa-east-1", "sae1.pure.cloud");
        table.put("me-central-1", "mec1.pure.cloud");
        table.put("ap-northeast-3", "apne3.pure.cloud");
        table.put("eu-central-2", "euc2.pure.cloud");
        table.put("mx-central-1", "mxc1.pure.cloud");
        table.put("ap-southeast-1", "apse1.pure.cloud");
        table.put("eusc-de-east-1", "edee1.eusc-pure.cloud");
        return Collections.unmodifiableMap(table);
    }

    /** The region table, AWS region to org domain, in the order Genesys lists it. */
    public static Map<String, String> domainsByRegion() {
        return DOMAIN_BY_REGION;
    }

    /**
     * Resolves an environment, in any accepted spelling, to its org domain.
     *
     * @throws InvalidConfigurationException naming the valid values and the closest match
     */
    public static String resolveDomain(String environment) throws InvalidConfigurationException {
        String raw = environment == null ? "" : environment.trim();
        String key = raw.toLowerCase(Locale.ROOT);
        if (key.startsWith("https://")) {
            key = key.substring("https://".length());
        }
        while (key.endsWith("/") || key.endsWith(".")) {
            key = key.substring(0, key.length() - 1);
        }
        String region = key.replace('_', '-');
        if (DOMAIN_BY_REGION.containsKey(region)) {
            return DOMAIN_BY_REGION.get(region);
        }
        String domain = stripPrefix(stripPrefix(key, "api."), "login.");
        if (DOMAIN_BY_REGION.containsValue(domain)) {
            return domain;
        }
        throw new InvalidConfigurationException("Unknown Genesys Cloud environment '" + raw
                + "' (parameter environment, property cxtoken.environment)."
                + closestMatchHint(raw.isEmpty() ? "" : domain)
                + GenesysRegionHints.byMeaning(raw, DOMAIN_BY_REGION)
                + " Use an AWS region or an org domain: " + validValues()
                + ". For a private or new region, set tokenUrl (cxtoken.tokenUrl) instead.");
    }

    private static String stripPrefix(String value, String prefix) {
        return value.startsWith(prefix) ? value.substring(prefix.length()) : value;
    }

    private static String closestMatchHint(String normalised) {
        List<String> candidates = new ArrayList<>(DOMAIN_BY_REGION.keySet());
        candidates.addAll(DOMAIN_BY_REGION.values());
        return Spelling.didYouMean(normalised.replace('_', '-'), candidates);
    }

    private static String validValues() {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> entry : DOMAIN_BY_REGION.entrySet()) {
            values.add(entry.getKey() + " (" + entry.getValue() + ")");
        }
        return String.join(", ", values);
    }
}
