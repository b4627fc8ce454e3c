package dev.rclonebackup.cli.config;

import dev.rclonebackup.ConfigurationException;
import tools.jackson.databind.JsonNode;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns one configuration value into its Java type, or fails with a message that starts with
 * the source (file or environment variable) and names the dotted key.
 *
 * <p>Values written in the file are typed strictly: an integer must be a YAML integer, not
 * {@code 5.5} nor {@code "5"}. Text from the environment (an override, or a string holding a
 * {@code ${VAR}} reference) has no YAML type and is parsed into the expected one. Values of
 * secret keys ({@code password}, {@code admin-password} …) are never repeated in a message.
 */
final class ValueReader {
    private static final Pattern LOOKS_NUMERIC = Pattern.compile("[-+]?[0-9][0-9._eE+-]*");

    private final String source;
    private final VariableExpander expander;
    private final Path base;

    /**
     * @param source   the file or variable the values come from, put at the start of every message
     * @param expander expands {@code ${VAR}} references in strings
     * @param base     the folder relative paths are resolved against
     */
    ValueReader(String source, VariableExpander expander, Path base) {
        this.source = source;
        this.expander = expander;
        this.base = base;
    }

    /** A problem with {@code key}; the message is {@code "<source>: <key> <problem>"}. */
    ConfigurationException error(String key, String problem) {
        return new ConfigurationException(source + ": " + key + " " + problem);
    }

    /** The value of {@code node} as {@code type}, or {@code null} when the node is absent or YAML null. */
    Object read(String key, JsonNode node, ValueType type) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            VariableExpander.Expansion expansion = expander.expand(key, node.stringValue());
            if (expansion.substituted()) {
                return parse(key, expansion.value(), type, "but \"" + node.stringValue() + "\" does not expand to one");
            }
            return switch (type) {
                case STRING -> expansion.value();
                case PATH -> path(key, expansion.value());
                case REMOTE -> remote(key, expansion.value());
                case INTEGER -> throw error(key, "must be a whole number, got " + quotedNumber(key, expansion.value()));
                case BOOLEAN -> throw error(key, "must be true or false, got a string; write it without quotes");
                case STRING_LIST -> throw error(key, "must be a list of strings, written [\"...\", \"...\"], not a single string");
            };
        }
        return switch (type) {
            case INTEGER -> integer(key, node);
            case BOOLEAN -> bool(key, node);
            case STRING_LIST -> stringList(key, node);
            case STRING, PATH, REMOTE -> throw error(key, "must be a string, got " + shown(key, node)
                    + (node.isValueNode() ? "; put it in quotes" : ""));
        };
    }

    /** A string value, expanded; {@code null} when absent or YAML null. */
    String string(String key, JsonNode node) {
        return (String) read(key, node, ValueType.STRING);
    }

    /** Text without a YAML type (from an environment variable), parsed as {@code type}. */
    Object parse(String key, String text, ValueType type) {
        return parse(key, text, type, "got " + (isSecret(key) ? "something else" : "'" + text + "'"));
    }

    /**
     * @param notAnInteger how a message explains a value that is not an integer; an expanded value
     *                     is not repeated, as it may be a credential used in the wrong place
     */
    private Object parse(String key, String text, ValueType type, String notAnInteger) {
        return switch (type) {
            case STRING -> text;
            case PATH -> path(key, text);
            case REMOTE -> remote(key, text);
            case INTEGER -> parseInteger(key, text, notAnInteger);
            case BOOLEAN -> parseBoolean(key, text);
            case STRING_LIST -> text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
        };
    }

    private Integer integer(String key, JsonNode node) {
        if (!node.isIntegralNumber()) {
            throw error(key, "must be a whole number, got " + shown(key, node));
        }
        if (!node.canConvertToInt()) {
            throw error(key, "is out of range, got " + shown(key, node));
        }
        return node.intValue();
    }

    private Integer parseInteger(String key, String text, String notAnInteger) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw error(key, "must be a whole number, " + notAnInteger);
        }
    }

    private Boolean bool(String key, JsonNode node) {
        if (!node.isBoolean()) {
            throw error(key, "must be true or false, got " + shown(key, node));
        }
        return node.booleanValue();
    }

    private Boolean parseBoolean(String key, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw error(key, "must be true or false, got " + (isSecret(key) ? "something else" : "'" + text + "'"));
        };
    }

    private List<String> stringList(String key, JsonNode node) {
        if (!node.isArray()) {
            throw error(key, "must be a list of strings, got " + shown(key, node));
        }
        List<String> strings = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            String elementKey = key + "[" + i + "]";
            String element = string(elementKey, node.get(i));
            if (element == null) {
                throw error(elementKey, "must be a string, got null");
            }
            strings.add(element);
        }
        return strings;
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
    static String shown(String key, JsonNode node) {
        if (node.isContainer()) {
            return node.isArray() ? "a list" : "a mapping";
        }
        if (node.isString()) {
            return "a string";
        }
        if (isSecret(key) || !(node.isNumber() || node.isBoolean())) {
            return node.isNumber() ? "a number" : "a " + node.getNodeType().name().toLowerCase(Locale.ROOT) + " value";
        }
        return node.asString();
    }

    /** Whether the value of {@code key} is a credential that must never be shown. */
    static boolean isSecret(String key) {
        String name = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return name.contains("password") || name.contains("secret") || name.contains("token");
    }
}
