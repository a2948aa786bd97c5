package dev.cxtoken.provider;

import java.util.Collection;

/** Suggests the value a user probably meant, for messages about a value the plugin does not know. */
final class Spelling {
    private Spelling() {}

    /** " Did you mean 'x'?" for the closest candidate, or "" when none is close enough to help. */
    static String didYouMean(String value, Collection<String> candidates) {
        if (value.isEmpty()) {
            return "";
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = editDistance(value, candidate);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        // A suggestion further away than half the word is noise, not help.
        return best != null && bestDistance <= Math.max(2, value.length() / 2) ? " Did you mean '" + best + "'?" : "";
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
