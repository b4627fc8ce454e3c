package dev.rclonebackup.internal.naming;

import dev.rclonebackup.ConfigurationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The backup file name template ({@code db.filename-template}) with its date format
 * ({@code db.date-format}, rendered in UTC). Renders names and parses them back to their
 * database alias; names that do not parse, and partial uploads, are not backups.
 *
 * <p>Rules: only the placeholders {@code {database}}, {@code {datetime}} and {@code {ext}}, each
 * at most once; {@code {database}} first and followed by a separator; {@code {datetime}}
 * present (without it every backup after the first would collide); no {@code /} or {@code \}.
 */
public final class FilenameTemplate {
    /** What a database alias may contain. */
    public static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9_-]+");

    private static final String TEMPLATE_KEY = "db.filename-template";
    private static final String FORMAT_KEY = "db.date-format";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final String PARTIAL_MARKER = ".partial-";

    private final String template;
    private final DateTimeFormatter formatter;
    private final NumericDateFormat numericFormat;
    private final Pattern namePattern;

    private FilenameTemplate(
            String template, DateTimeFormatter formatter, NumericDateFormat numericFormat, Pattern namePattern) {
        this.template = template;
        this.formatter = formatter;
        this.numericFormat = numericFormat;
        this.namePattern = namePattern;
    }

    /**
     * @throws ConfigurationException naming {@code db.filename-template} or {@code db.date-format}
     *                                when the template or the date format breaks the rules
     */
    public static FilenameTemplate of(String template, String dateFormat) {
        if (template == null || template.isBlank()) {
            throw ConfigurationException.forKey(TEMPLATE_KEY, "must not be empty");
        }
        rejectControlCharacters(TEMPLATE_KEY, template);
        if (dateFormat != null) {
            rejectControlCharacters(FORMAT_KEY, dateFormat);
        }
        DateTimeFormatter formatter = formatter(dateFormat);
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        boolean database = false;
        boolean datetime = false;
        boolean ext = false;
        while (m.find()) {
            regex.append(literal(template.substring(last, m.start())));
            String name = m.group(1);
            switch (name) {
                case "database" -> {
                    database = once(database, name);
                    regex.append("(?<database>").append(ALIAS.pattern()).append(')');
                }
                case "datetime" -> {
                    datetime = once(datetime, name);
                    regex.append("(?<datetime>")
                            .append(DateFormatRegex.of(dateFormat))
                            .append(')');
                }
                case "ext" -> {
                    ext = once(ext, name);
                    regex.append("[A-Za-z0-9]+(?:\\.[A-Za-z0-9]+)*");
                }
                default ->
                    throw ConfigurationException.forKey(
                            TEMPLATE_KEY,
                            "has an unknown placeholder {" + name + "}; allowed are {database}, {datetime} and {ext}: '"
                                    + template + "'");
            }
            last = m.end();
        }
        regex.append(literal(template.substring(last)));
        checkShape(template, datetime);
        return new FilenameTemplate(
                template, formatter, NumericDateFormat.of(dateFormat), Pattern.compile(regex.toString()));
    }

    private static void checkShape(String template, boolean datetime) {
        if (template.contains("/") || template.contains("\\")) {
            throw ConfigurationException.forKey(
                    TEMPLATE_KEY, "must render a file name, without '/' or '\\': '" + template + "'");
        }
        if (!template.startsWith("{database}")) {
            throw ConfigurationException.forKey(TEMPLATE_KEY, "must start with {database}: '" + template + "'");
        }
        String rest = template.substring("{database}".length());
        if (rest.isEmpty() || Character.isLetterOrDigit(rest.charAt(0)) || rest.charAt(0) == '{') {
            throw ConfigurationException.forKey(
                    TEMPLATE_KEY, "must have a separator such as '-' right after {database}: '" + template + "'");
        }
        if (!datetime) {
            throw ConfigurationException.forKey(
                    TEMPLATE_KEY,
                    "must contain {datetime}, or every backup after the first " + "would have the same name: '"
                            + template + "'");
        }
        if (template.contains("{")
                && PLACEHOLDER.matcher(template).replaceAll("").matches(".*[{}].*")) {
            throw ConfigurationException.forKey(TEMPLATE_KEY, "has an unbalanced '{' or '}': '" + template + "'");
        }
    }

    /** A control character would reach rclone inside a file name, after the dump tool already ran. */
    private static void rejectControlCharacters(String key, String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw ConfigurationException.forKey(
                        key,
                        "must not contain control characters; found U+" + String.format("%04X", (int) value.charAt(i))
                                + " at position " + (i + 1));
            }
        }
    }

    private static boolean once(boolean seen, String name) {
        if (seen) {
            throw ConfigurationException.forKey(TEMPLATE_KEY, "uses {" + name + "} more than once");
        }
        return true;
    }

    private static DateTimeFormatter formatter(String dateFormat) {
        if (dateFormat == null || dateFormat.isBlank()) {
            throw ConfigurationException.forKey(FORMAT_KEY, "must not be empty");
        }
        DateTimeFormatter formatter;
        try {
            formatter = DateTimeFormatter.ofPattern(dateFormat).withZone(ZoneOffset.UTC);
        } catch (IllegalArgumentException e) {
            throw ConfigurationException.forKey(
                    FORMAT_KEY, "is not a valid date pattern ('" + dateFormat + "'): " + e.getMessage());
        }
        String sample = formatter.format(Instant.parse("2024-01-15T12:00:00Z"));
        if (sample.contains("/") || sample.contains("\\")) {
            throw ConfigurationException.forKey(
                    FORMAT_KEY, "must not produce '/' or '\\' (it becomes part of a file name): '" + dateFormat + "'");
        }
        return formatter;
    }

    private static String literal(String text) {
        return text.isEmpty() ? "" : Pattern.quote(text);
    }

    /** The file name for a backup of {@code database} taken at {@code time}. */
    public String render(String database, Instant time, String extension) {
        return template.replace("{database}", database)
                .replace("{datetime}", formatter.format(time))
                .replace("{ext}", extension);
    }

    /** The database alias of a backup file name, or empty when {@code name} is not a backup. */
    public Optional<String> databaseOf(String name) {
        Optional<Matcher> match = match(name);
        return match.isPresent() ? Optional.of(match.get().group("database")) : Optional.empty();
    }

    /** The timestamp in a backup file name, or empty when it is not a backup. */
    public Optional<Instant> timeOf(String name) {
        return match(name).map(m -> m.group("datetime")).flatMap(this::parseTime);
    }

    private Optional<Matcher> match(String name) {
        if (name == null || name.contains(PARTIAL_MARKER)) {
            return Optional.empty();
        }
        Matcher m = namePattern.matcher(name);
        if (!m.matches() || parseTime(m.group("datetime")).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(m);
    }

    private Optional<Instant> parseTime(String text) {
        Instant plain = numericFormat == null ? null : numericFormat.parse(text);
        if (plain != null) {
            return Optional.of(plain);
        }
        try {
            TemporalAccessor parsed = formatter.parse(text);
            if (parsed.isSupported(java.time.temporal.ChronoField.HOUR_OF_DAY)) {
                return Optional.of(LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC));
            }
            return Optional.of(LocalDate.from(parsed).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return template;
    }
}
