package dev.rclonebackup.settings;

/** The shape of a setting's value, which decides how it is read and how it is documented. */
public enum ValueType {
    /** Text. */
    STRING("string"),
    /** A whole number; in a YAML file an unquoted integer, not {@code 5.5} nor {@code "5"}. */
    INTEGER("integer"),
    /** {@code true} or {@code false}. */
    BOOLEAN("boolean"),
    /** A number that may have a fraction, such as {@code 0.5}; in a YAML file unquoted. */
    DECIMAL("decimal number"),
    /** A duration: {@code 30s}, {@code 10m}, {@code 26h}, {@code 7d} or ISO-8601 {@code PT26H} (see {@link Durations}). */
    DURATION("duration"),
    /** A local file or folder; a relative path is resolved against the configuration file's folder. */
    PATH("path"),
    /**
     * An rclone {@code remote:path}, kept as written, or a local folder, resolved like a {@link #PATH}
     * when relative (a colon before any slash makes it a remote, as for rclone).
     */
    REMOTE("remote"),
    /** A list of strings; in an environment variable, whitespace-separated. */
    STRING_LIST("list of strings"),
    /** The {@code databases} mapping: alias to database entry. */
    DATABASES("mapping of databases"),
    /** A mapping of names to strings. */
    STRING_MAP("mapping of strings"),
    /** A mapping of event ids to commands (argv lists). */
    COMMAND_MAP("mapping of commands");

    private final String description;

    ValueType(String description) {
        this.description = description;
    }

    /** How documentation names the type, e.g. {@code list of strings}. */
    public String description() {
        return description;
    }

    /** Whether the value is a single value or list, which an environment variable can override. */
    public boolean isScalar() {
        return ordinal() <= STRING_LIST.ordinal();
    }
}
