package dev.rclonebackup.cli.config;

/** The shape a configuration value must have. */
enum ValueType {
    /** A YAML string. */
    STRING,
    /** A YAML integer (not a float, not a quoted number). */
    INTEGER,
    /** A YAML boolean ({@code true} or {@code false}, not quoted). */
    BOOLEAN,
    /** A string naming a local file or folder; relative paths are resolved (see {@link ConfigLoader}). */
    PATH,
    /**
     * An rclone {@code remote:path}, kept as written, or a plain local folder, resolved like a
     * {@link #PATH} when relative (a colon before any slash makes it a remote, as for rclone).
     */
    REMOTE,
    /** A YAML list of strings; from the environment, a whitespace-separated value. */
    STRING_LIST
}
