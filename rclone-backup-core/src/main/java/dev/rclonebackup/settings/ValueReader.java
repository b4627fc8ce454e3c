package dev.rclonebackup.settings;

import dev.rclonebackup.ConfigurationException;
import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns one configuration value into its Java type, or fails with a {@link ConfigurationException}
 * naming the key (and the source: a file or an environment variable).
 *
 * <p>Values are plain trees: maps, lists, strings, numbers, booleans and {@code null}. Values
 * written in a file are typed strictly: an integer must be a YAML integer, not {@code 5.5} nor
 * {@code "5"}. Text without a type (an environment variable, a string holding a {@code ${VAR}}
 * reference, every value Spring Boot hands over) is parsed into the expected type. Values of
 * secret keys ({@code password}, {@code admin-password} …) are never repeated in a message.
 */
final class ValueReader {
    private static final Pattern LOOKS_NUMERIC = Pattern.compile("[-+]?[0-9][0-9._eE+-]*");

    private final String source;
    private final String keyPrefix;
    private final Interpolation interpolation;
    private final Path base;
    private final boolean textIsTyped;

    /**
     * @param source        where the values come from, put at the start of every message with
     *                      {@code ": "} (empty for none)
     * @param keyPrefix     written before every key in messages, e.g. {@code rclone-backup.}
     * @param interpolation expands references in strings
     * @param base          the folder relative paths are resolved against
     * @param textIsTyped   whether a string is a string (a YAML file) rather than text to parse
     */
    ValueReader(String source, String keyPrefix, Interpolation interpolation, Path base, boolean textIsTyped) {
        this.source = source.isEmpty() ? "" : source + ": ";
        this.keyPrefix = keyPrefix;
        this.interpolation = interpolation;
        this.base = base;
        this.textIsTyped = textIsTyped;
    }

    /** What messages write before every key, e.g. {@code rclone-backup.}; empty for a file. */
    String keyPrefix() {
        return keyPrefix;
    }

    /** A problem with {@code key}, located at this reader's source. */
    ConfigurationException error(String key, String problem) {
        return ConfigurationException.forKey(key, problem).located(source, keyPrefix);
    }

    /** The value of {@code node} as {@code type}, or {@code null} when it is absent or null. */
    Object read(String key, Object node, ValueType type) {
        if (node == null) {
            return null;
        }
        if (!textIsTyped && (node instanceof Number || node instanceof Boolean)) {
            return parse(key, String.valueOf(node), type);
        }
        if (node instanceof String written) {
            Interpolation.Expansion expansion = interpolation.expand(key, written);
            if (expansion.substituted()) {
                return parse(key, expansion.value(), type, "but \"" + written + "\" does not expand to one");
            }
            String text = expansion.value();
            if (!textIsTyped) {
                return parse(key, text, type);
            }
            return switch (type) {
                case STRING -> text;
                case PATH -> path(key, text);
                case REMOTE -> remote(key, text);
                case INTEGER -> throw error(key, "must be a whole number, got " + quotedNumber(key, text));
                case BOOLEAN -> throw error(key, "must be true or false, got a string; write it without quotes");
                case DECIMAL -> throw error(key, "must be a number, got " + quotedNumber(key, text));
                case DURATION -> duration(key, text);
                case STRING_LIST ->
                    throw error(key, "must be a list of strings, written [\"...\", \"...\"], not a single string");
                default -> throw error(key, "must be a " + type.description() + ", got a string");
            };
        }
        return switch (type) {
            case INTEGER -> integer(key, node);
            case BOOLEAN -> bool(key, node);
            case DECIMAL -> decimal(key, node);
            case STRING_LIST -> stringList(key, node);
            case DURATION -> throw error(key, "must be a duration such as \"10m\" or \"90s\", got " + shown(key, node));
            case STRING, PATH, REMOTE ->
                throw error(
                        key,
                        "must be a string, got " + shown(key, node)
                                + (node instanceof Map || node instanceof List ? "" : "; put it in quotes"));
            default -> throw error(key, "must be a " + type.description() + ", got " + shown(key, node));
        };
    }

    /** A string value, expanded; {@code null} when absent or null. */
    String string(String key, Object node) {
        return (String) read(key, node, ValueType.STRING);
    }

    /** Text without a type (from an environment variable), parsed as {@code type}. */
    Object parse(String key, String text, ValueType type) {
        return parse(key, text, type, "got " + (isSecret(key) ? "something else" : "'" + text + "'"));
    }

    /**
     * @param notValid how a message explains a value that is not of the type; an expanded value
     *                 is not repeated, as it may be a credential used in the wrong place
     */
    private Object parse(String key, String text, ValueType type, String notValid) {
        return switch (type) {
            case STRING -> text;
            case PATH -> path(key, text);
            case REMOTE -> remote(key, text);
            case INTEGER -> parseInteger(key, text, notValid);
            case BOOLEAN -> parseBoolean(key, text, notValid);
            case DECIMAL -> parseDecimal(key, text, notValid);
            case DURATION -> duration(key, text);
            case STRING_LIST ->
                text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
            default -> throw error(key, "must be a " + type.description() + ", " + notValid);
        };
    }

    private Integer integer(String key, Object node) {
        if (!(node instanceof Integer || node instanceof Long || node instanceof BigInteger)) {
            throw error(key, "must be a whole number, got " + shown(key, node));
        }
        long value = ((Number) node).longValue();
        if (node instanceof BigInteger || value != (int) value) {
            throw error(key, "is out of range, got " + shown(key, node));
        }
        return (int) value;
    }

    private Boolean bool(String key, Object node) {
        if (!(node instanceof Boolean)) {
            throw error(key, "must be true or false, got " + shown(key, node));
        }
        return (Boolean) node;
    }

    private Double decimal(String key, Object node) {
        if (!(node instanceof Number number)) {
            throw error(key, "must be a number, got " + shown(key, node));
        }
        return number.doubleValue();
    }

    private Double parseDecimal(String key, String text, String notANumber) {
        try {
            return Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw error(key, "must be a number, " + notANumber);
        }
    }

    private Integer parseInteger(String key, String text, String notAnInteger) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw error(key, "must be a whole number, " + notAnInteger);
        }
    }

    private Boolean parseBoolean(String key, String text, String notABoolean) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.equals("true") || trimmed.equals("false")) {
            return Boolean.valueOf(trimmed);
        }
        throw error(key, "must be true or false, " + notABoolean);
    }

    private Duration duration(String key, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(key, "must be a duration: " + e.getMessage());
        }
    }

    private List<String> stringList(String key, Object node) {
        List<?> elements;
        if (node instanceof List<?> list) {
            elements = list;
        } else if (!textIsTyped && node instanceof Map<?, ?> indexed && isIndexed(indexed)) {
            elements = indexedValues(indexed);
        } else {
            throw error(key, "must be a list of strings, got " + shown(key, node));
        }
        List<String> strings = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            String elementKey = key + "[" + i + "]";
            Object element = elements.get(i);
            String string =
                    element instanceof String || textIsTyped ? string(elementKey, element) : String.valueOf(element);
            if (string == null) {
                throw error(elementKey, "must be a string, got null");
            }
            strings.add(string);
        }
        return strings;
    }

    /** Spring Boot binds a list under a map of objects as a map keyed "0", "1", …. */
    static boolean isIndexed(Map<?, ?> map) {
        for (int i = 0; i < map.size(); i++) {
            if (!map.containsKey(String.valueOf(i))) {
                return false;
            }
        }
        return !map.isEmpty();
    }

    private static List<Object> indexedValues(Map<?, ?> map) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < map.size(); i++) {
            values.add(map.get(String.valueOf(i)));
        }
        return values;
    }

    private Path path(String key, String text) {
        if (text.isBlank()) {
            throw error(key, "must not be empty; leave it out (or null) to keep the default");
        }
        try {
            return base.resolve(text).normalize();
        } catch (InvalidPathException e) {
            throw error(key, "is not a valid path: " + e.getReason());
        }
    }

    private String remote(String key, String text) {
        int colon = text.indexOf(':');
        int slash = text.indexOf('/');
        boolean namesARemote = colon >= 0 && (slash < 0 || colon < slash);
        if (text.isBlank() || namesARemote || text.startsWith("/")) {
            return text;
        }
        return path(key, text).toString();
    }

    private static String quotedNumber(String key, String text) {
        boolean looksNumeric = LOOKS_NUMERIC.matcher(text).matches();
        return looksNumeric && !isSecret(key) ? "the string \"" + text + "\"; write it without quotes" : "a string";
    }

    /**
     * What a wrong value was. Numbers and booleans are shown unless the key is secret; strings
     * never are, since a string in the wrong place may be a URL with credentials.
     */
    static String shown(String key, Object node) {
        if (node instanceof List) {
            return "a list";
        }
        if (node instanceof Map) {
            return "a mapping";
        }
        if (node instanceof String) {
            return "a string";
        }
        if (node instanceof Number || node instanceof Boolean) {
            if (isSecret(key)) {
                return node instanceof Number ? "a number" : "a boolean value";
            }
            return String.valueOf(node);
        }
        return "a " + (node == null ? "null" : "binary") + " value";
    }

    /** Whether the value of {@code key} is a credential that must never be shown. */
    static boolean isSecret(String key) {
        String name = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return name.contains("password") || name.contains("secret") || name.contains("token");
    }
}
