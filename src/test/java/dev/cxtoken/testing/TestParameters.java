package dev.cxtoken.testing;

import dev.cxtoken.plugin.Parameters;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Goal parameters for tests, starting from the defaults in the generated plugin descriptor: the mojo's annotations
 * are the only place defaults are written, and the tests read them from there.
 */
public final class TestParameters {
    private static volatile Map<String, String> defaults;

    private TestParameters() {}

    public static Parameters defaults() {
        if (defaults == null) {
            try {
                Map<String, String> values = new HashMap<>();
                for (PluginDescriptorFile.Parameter p : PluginDescriptorFile.load().goal("fetch-token").values()) {
                    if (p.defaultValue != null) {
                        values.put(p.name, p.defaultValue);
                    }
                }
                defaults = values;
            } catch (Exception e) {
                throw new IllegalStateException("Cannot read the plugin descriptor for the parameter defaults", e);
            }
        }
        return Parameters.of(defaults, Collections.<String, String>emptyMap());
    }

    public static Parameters oauth2(String tokenUrl) {
        return defaults().with("provider", "oauth2").with("tokenUrl", tokenUrl);
    }

    public static Parameters genesys(String tokenUrl) {
        return defaults().with("provider", "genesys").with("tokenUrl", tokenUrl);
    }

    public static Parameters cxone(String issuer) {
        return defaults().with("provider", "cxone").with("environment", issuer);
    }
}
