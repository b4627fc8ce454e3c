package dev.rclonebackup.settings;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Finds the known key a misspelt one was most likely meant to be. */
final class KeySuggestion {
    private KeySuggestion() {}

    /**
     * The candidate closest to {@code unknown}: within a few edits (about one per three
     * characters), or one of them a prefix of the other ({@code user} for {@code username}).
     */
    static Optional<String> nearest(String unknown, Collection<String> candidates) {
        String typed = unknown.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return candidates.stream()
                .filter(candidate -> isClose(typed, candidate))
                .min(Comparator.comparingInt(candidate -> distance(typed, candidate)));
    }

    /**
     * The end of an unknown-key message: the nearest candidate (with {@code prefix} before it,
     * e.g. {@code "rclone."}), else the list of candidates.
     */
    static String hint(String unknown, Collection<String> candidates, String prefix) {
        return nearest(unknown, candidates)
                .map(key -> "; did you mean '" + prefix + key + "'?")
                .orElse("; known are " + String.join(", ", candidates));
    }

    private static boolean isClose(String typed, String candidate) {
        if (typed.length() >= 3 && (candidate.startsWith(typed) || typed.startsWith(candidate))) {
            return true;
        }
        return distance(typed, candidate) <= Math.max(1, Math.min(typed.length(), candidate.length()) / 3);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
