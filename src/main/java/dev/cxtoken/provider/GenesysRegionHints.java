package dev.cxtoken.provider;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Suggests a Genesys Cloud region by what an unknown environment means rather than how it is spelt: for
 * {@code mypurecloud.co.uk} the closest spelling is {@code mypurecloud.com} (US East), but a UK org is in eu-west-2.
 * Words are countries, country codes and the cities of the regions; "eu" alone is left out, as it names four regions.
 */
final class GenesysRegionHints {
    private static final Pattern WORD_BREAK = Pattern.compile("[^a-z]+");
    private static final Map<String, String> REGION_BY_WORD = words();

    private GenesysRegionHints() {}

    private static Map<String, String> words() {
        Map<String, String> words = new LinkedHashMap<>();
        add(words, "eu-west-2", "uk", "gb", "london", "england", "britain", "united kingdom", "scotland", "wales");
        add(words, "eu-west-1", "ie", "ireland", "dublin");
        add(words, "eu-central-1", "de", "germany", "frankfurt", "deutschland");
        add(words, "eu-central-2", "ch", "switzerland", "zurich");
        add(words, "eusc-de-east-1", "sovereign", "eusc", "brandenburg");
        add(words, "ap-southeast-2", "au", "australia", "sydney", "nz", "new zealand");
        add(words, "ap-northeast-1", "jp", "japan", "tokyo");
        add(words, "ap-northeast-3", "osaka");
        add(words, "ap-northeast-2", "kr", "korea", "seoul");
        add(words, "ap-south-1", "in", "india", "mumbai");
        add(words, "ap-southeast-1", "sg", "singapore");
        add(words, "ca-central-1", "ca", "canada", "montreal", "toronto");
        add(words, "sa-east-1", "br", "brazil", "brasil", "sao paulo", "paulo");
        add(words, "me-central-1", "ae", "uae", "dubai", "emirates", "middle east");
        add(words, "mx-central-1", "mx", "mexico");
        add(words, "us-east-2", "gov", "fedramp", "ohio");
        add(words, "us-west-2", "oregon");
        add(words, "us-east-1", "virginia", "usa");
        return Collections.unmodifiableMap(words);
    }

    private static void add(Map<String, String> words, String region, String... names) {
        for (String name : names) {
            words.put(name, region);
        }
    }

    /** " 'uk' suggests eu-west-2 (euw2.pure.cloud)." for the first word that names a region, or "". */
    static String byMeaning(String environment, Map<String, String> domainsByRegion) {
        String[] parts = WORD_BREAK.split(environment.toLowerCase(Locale.ROOT).replace('ã', 'a').replace('ü', 'u'));
        for (int i = 0; i < parts.length; i++) {
            String pair = i + 1 < parts.length ? parts[i] + " " + parts[i + 1] : null;
            for (String word : new String[] {pair, parts[i]}) {
                String region = word == null ? null : REGION_BY_WORD.get(word);
                if (region != null) {
                    return " '" + word + "' suggests " + region + " (" + domainsByRegion.get(region) + ").";
                }
            }
        }
        return "";
    }
}
