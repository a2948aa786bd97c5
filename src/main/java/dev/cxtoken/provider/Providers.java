package dev.cxtoken.provider;

import dev.cxtoken.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The one registration of every provider. */
public final class Providers {
    private static final List<Provider> ALL =
            Collections.unmodifiableList(Arrays.asList(new Genesys(), new Cxone(), new GenericOAuth2()));

    private Providers() {}

    public static List<Provider> all() {
        return ALL;
    }

    public static Provider parse(String value) throws InvalidConfigurationException {
        String key = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        List<String> known = new ArrayList<>();
        for (Provider provider : ALL) {
            if (provider.id().equals(key)) {
                return provider;
            }
            known.add("'" + provider.id() + "' (" + provider.title() + ")");
        }
        String last = known.remove(known.size() - 1);
        throw new InvalidConfigurationException("Unknown provider '" + (value == null ? "" : value.trim())
                + "' (parameter provider, property cxtoken.provider). Use " + String.join(", ", known) + " or "
                + last + ".");
    }
}
