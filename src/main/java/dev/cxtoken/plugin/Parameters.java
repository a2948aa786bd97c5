package dev.cxtoken.plugin;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The goal's parameters as the user wrote them (or Maven defaulted them), by name, before any checking. The mojo's
 * fields are the one place where the parameters and their defaults are spelled; this is their values.
 */
public final class Parameters {
    private final Map<String, String> values;
    private final Map<String, String> extraParameters;

    private Parameters(Map<String, String> values, Map<String, String> extraParameters) {
        this.values = Collections.unmodifiableMap(new HashMap<>(values));
        this.extraParameters = Collections.unmodifiableMap(new LinkedHashMap<>(extraParameters));
    }

    /** @param values the values by parameter name; a missing name is an unset parameter */
    public static Parameters of(Map<String, String> values, Map<String, String> extraParameters) {
        return new Parameters(values, extraParameters == null ? Collections.<String, String>emptyMap()
                : extraParameters);
    }

    /** The value, or null when the parameter is not set. */
    public String get(String name) {
        return values.get(name);
    }

    /** The {@code <parameters>} map: extra form fields. */
    public Map<String, String> extraParameters() {
        return extraParameters;
    }

    /** A copy with one parameter set (null: unset). */
    public Parameters with(String name, String value) {
        Map<String, String> changed = new HashMap<>(values);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return new Parameters(changed, extraParameters);
    }

    /** A copy with other extra form fields. */
    public Parameters withExtraParameters(Map<String, String> extra) {
        return new Parameters(values, extra);
    }

    /** Names only: values may hold a pasted secret. */
    @Override
    public String toString() {
        return "Parameters" + values.keySet();
    }
}
