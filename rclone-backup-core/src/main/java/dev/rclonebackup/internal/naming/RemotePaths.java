package dev.rclonebackup.internal.naming;

/** Joins rclone paths. */
public final class RemotePaths {
    private RemotePaths() {}

    /**
     * {@code base + "/" + sub}, except that a base ending in {@code :} (a bare remote such as
     * {@code s3crypt:}) or {@code /} is joined without adding a slash.
     */
    public static String join(String base, String sub) {
        if (sub == null || sub.isEmpty()) {
            return base;
        }
        if (base.endsWith(":") || base.endsWith("/")) {
            return base + sub;
        }
        return base + "/" + sub;
    }
}
