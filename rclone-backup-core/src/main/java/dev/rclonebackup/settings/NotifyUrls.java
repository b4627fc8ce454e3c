package dev.rclonebackup.settings;

import dev.rclonebackup.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The rules for the {@code notify.*-url} settings. Such a URL usually holds a token in its path
 * or query (a healthchecks.io check's UUID, a chat webhook's key), so messages show it as
 * {@link #shown} only, and never quote a rejected value.
 */
public final class NotifyUrls {
    private NotifyUrls() {}

    /**
     * {@code text} as a URI, or null when unset.
     *
     * @throws ConfigurationException naming {@code key} when it is not an absolute http or https
     *                                URL with a host
     */
    public static URI check(String key, String text) {
        if (text == null) {
            return null;
        }
        if (text.isBlank()) {
            throw ConfigurationException.forKey(key, "must not be empty; leave it unset for no notification");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw ConfigurationException.forKey(
                    key, "is not a valid URL (its value is not shown: it may hold a token)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ConfigurationException.forKey(
                    key,
                    "must be an http:// or https:// URL, got "
                            + (scheme.isEmpty() ? "no scheme" : "the scheme '" + scheme + ":'"));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw ConfigurationException.forKey(key, "must be an http:// or https:// URL with a host name");
        }
        return uri;
    }

    /** {@code uri} as it may be printed: scheme and host only, e.g. {@code https://hc-ping.com/…}. */
    public static String shown(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + "/…";
    }
}
