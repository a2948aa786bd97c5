package dev.cxtoken.oauth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Replaces known secret values in text that came from outside (error pages may echo the request). */
final class Redactor {
    private static final String MASK = "****";
    private final List<String> secrets = new ArrayList<>();

    Redactor(List<String> secretForms) {
        for (String form : secretForms) {
            // Very short values would mask ordinary words and tell nothing anyway.
            if (form != null && form.length() >= 4 && !secrets.contains(form)) {
                secrets.add(form);
            }
        }
        secrets.sort(Comparator.comparingInt(String::length).reversed());
    }

    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /**
     * A one-line excerpt of a server's answer: markup and control characters removed, white space folded, secrets
     * masked, at most {@code maxChars} long.
     */
    String excerpt(String body, boolean html, int maxChars) {
        String text = body == null ? "" : body;
        if (html) {
            text = text.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]*>", " ");
        }
        StringBuilder clean = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            clean.append(Character.isISOControl(c) || Character.isWhitespace(c) ? ' ' : c);
        }
        String folded = scrub(clean.toString().replaceAll(" +", " ").trim());
        return folded.length() <= maxChars ? folded : folded.substring(0, maxChars) + "…";
    }
}
