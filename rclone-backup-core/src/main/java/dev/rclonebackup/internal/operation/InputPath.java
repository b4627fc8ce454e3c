package dev.rclonebackup.internal.operation;

import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.internal.naming.FilenameTemplate;
import java.util.Set;

/**
 * Checks a restore's input path (relative to {@code db.backup-dir}) before anything runs: it
 * must be relative, POSIX-style, short, free of {@code .}/{@code ..} segments and control
 * characters, and — when its name parses under the template — belong to the database restored from
 * (the chosen one, or the one given with --from).
 */
final class InputPath {
    static final int MAX_LENGTH = 1024;

    private InputPath() {}

    /**
     * Whose backup the input path must be.
     *
     * @param target     the database restored into
     * @param source     the database whose backup is restored: {@code target}, or the one given with --from
     * @param configured every configured alias, to suggest --from only when it would work
     */
    record Owner(String target, String source, Set<String> configured) {}

    static String check(String path, Owner expected, FilenameTemplate template) {
        if (path.isEmpty()) {
            throw invalid(path, "it is empty");
        }
        if (path.length() > MAX_LENGTH) {
            throw invalid(path.substring(0, 40) + "…", "it is longer than " + MAX_LENGTH + " characters");
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw invalid(path.replaceAll("\\p{Cntrl}", "?"), "it contains control characters");
        }
        if (path.contains("\\")) {
            throw invalid(path, "use '/' as separator, not '\\'");
        }
        if (path.startsWith("/") || path.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            throw invalid(path, "it must be relative to db.backup-dir, not absolute or a remote");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw invalid(path, "it must not contain empty, '.' or '..' segments");
            }
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        template.databaseOf(name)
                .filter(owner -> !owner.equals(expected.source()))
                .ifPresent(owner -> {
                    throw invalid(path, wrongOwner(owner, expected));
                });
        return path;
    }

    private static String wrongOwner(String owner, Owner expected) {
        String problem = "it is a backup of database '" + owner + "', not of '" + expected.source() + "'";
        if (!expected.source().equals(expected.target())) {
            return problem + " (the database given with --from)";
        }
        if (expected.configured().contains(owner)) {
            return problem + "; to restore it into '" + expected.target() + "', add --from " + owner;
        }
        return problem;
    }

    private static RcloneBackupException invalid(String path, String why) {
        return new RcloneBackupException(ErrorCode.USAGE, "Invalid input path '" + path + "': " + why);
    }
}
