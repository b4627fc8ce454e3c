package dev.rclonebackup.internal.connector.postgis;

import java.util.ArrayList;
import java.util.List;

/**
 * Name patterns for pg_dump's {@code --extension}, which has no negation before PostgreSQL 17.
 * pg_dump anchors the pattern, turns {@code *} into "any characters" and passes {@code |} and
 * bracket expressions through as regular expression syntax.
 */
final class ExtensionNamePattern {
    private ExtensionNamePattern() {}

    /**
     * Matches every name that does not start with {@code prefix} (lower-case letters, digits and
     * {@code _} only): each name that differs from it at some position, or is shorter than it.
     * For {@code ab}: {@code [^a]*|a[^b]*|a}.
     */
    static String notStartingWith(String prefix) {
        if (!prefix.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("Not a plain extension name prefix: " + prefix);
        }
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < prefix.length(); i++) {
            alternatives.add(prefix.substring(0, i) + "[^" + prefix.charAt(i) + "]*");
        }
        for (int length = 1; length < prefix.length(); length++) {
            alternatives.add(prefix.substring(0, length));
        }
        return String.join("|", alternatives);
    }
}
