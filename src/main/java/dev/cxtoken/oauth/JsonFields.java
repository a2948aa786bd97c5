package dev.cxtoken.oauth;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Reads fields of a JSON object the way servers send them. */
public final class JsonFields {
    private JsonFields() {}

    /** A non-blank string (or number) field, trimmed; null when absent, blank or not a primitive. */
    public static String string(JsonObject object, String name) {
        JsonElement element = object.get(name);
        if (element == null || !element.isJsonPrimitive()) {
            return null;
        }
        String value = element.getAsString().trim();
        return value.isEmpty() ? null : value;
    }
}
