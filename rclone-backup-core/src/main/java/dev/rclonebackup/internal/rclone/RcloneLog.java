package dev.rclonebackup.internal.rclone;

import dev.rclonebackup.Reporter;
import dev.rclonebackup.internal.ForwardingReporter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * rclone's JSON log ({@code --use-json-log}), asked for on the calls whose outcome is read from
 * rclone's final statistics: one JSON object per line, the last one carrying {@code stats}. Lines
 * are turned back into rclone's text form wherever a person reads them.
 */
public final class RcloneLog {
    /**
     * Flags that make rclone log as JSON and print its statistics once, at the end, even at its
     * default verbosity (the interval is long enough never to print them midway for a backup).
     */
    static final List<String> STATISTICS_FLAGS =
            List.of("--use-json-log", "--stats", "8760h", "--stats-log-level", "NOTICE");

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private RcloneLog() {}

    /**
     * rclone's final statistics of a call.
     *
     * @param bytes   bytes accounted (for {@code moveto}: the size of the moved file; for
     *                {@code rcat} not the size: an upload rclone buffers is counted as read and as sent)
     * @param renames files moved
     * @param errors  errors counted
     */
    public record Statistics(long bytes, long renames, long errors) {}

    /** The statistics in the last line of {@code stderr} that has them; empty when none has. */
    public static Optional<Statistics> statistics(String stderr) {
        if (stderr == null) {
            return Optional.empty();
        }
        List<String> lines = stderr.lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            Optional<Entry> entry = parse(lines.get(i));
            if (entry.isPresent() && entry.get().statistics() != null) {
                return Optional.of(entry.get().statistics());
            }
        }
        return Optional.empty();
    }

    /**
     * {@code line} in rclone's text form ({@code 2024/01/15 12:00:00 ERROR : x: failed}) when it is
     * a JSON log entry; other lines unchanged; empty for the statistics line.
     */
    public static String asText(String line) {
        Optional<Entry> entry = parse(line);
        if (entry.isEmpty()) {
            return line;
        }
        if (entry.get().statistics() != null) {
            return "";
        }
        return entry.get().asText();
    }

    /** Every line of {@code text} {@link #asText as text}, the statistics left out. */
    public static String asTextLines(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        StringBuilder plain = new StringBuilder();
        for (String line : text.split("\\R")) {
            String converted = asText(line);
            if (!converted.isEmpty() || line.isEmpty()) {
                plain.append(converted).append('\n');
            }
        }
        return plain.toString();
    }

    /** A reporter that shows rclone's JSON log lines (those of tool {@code tool}) as text. */
    public static Reporter textToolOutput(Reporter reporter, String tool) {
        return new ForwardingReporter(reporter) {
            @Override
            public void toolOutput(String source, String line) {
                String shown = source.equals(tool) ? asText(line) : line;
                if (!shown.isEmpty()) {
                    delegate().toolOutput(source, shown);
                }
            }
        };
    }

    /** A log entry; {@code time} as rclone writes it, e.g. {@code 2024-01-15T12:00:00.123+00:00}. */
    private record Entry(String time, String level, String object, String message, Statistics statistics) {
        /** rclone's text form: local date and time, the level padded to six, the object. */
        String asText() {
            String when = time.length() >= 19
                    ? time.substring(0, 10).replace('-', '/') + " " + time.substring(11, 19) + " "
                    : "";
            String said = object == null ? message : object + ": " + message;
            return when + String.format(Locale.ROOT, "%-6s: ", textLevel()) + said;
        }

        /** rclone logs its NOTICE level as {@code warning} in JSON. */
        private String textLevel() {
            return level.equals("warning") ? "NOTICE" : level.toUpperCase(Locale.ROOT);
        }
    }

    private static Optional<Entry> parse(String line) {
        String text = line.strip();
        if (!text.startsWith("{") || !text.endsWith("}")) {
            return Optional.empty();
        }
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), text)) {
            parser.nextToken();
            String time = "";
            String level = null;
            String message = null;
            String object = null;
            Statistics statistics = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "time" -> time = parser.getValueAsString("");
                    case "level" -> level = parser.getValueAsString();
                    case "msg" -> message = parser.getValueAsString();
                    case "object" -> object = parser.getValueAsString();
                    case "stats" -> statistics = value == JsonToken.START_OBJECT ? statistics(parser) : null;
                    default -> parser.skipChildren();
                }
            }
            if (level == null || message == null) {
                return Optional.empty();
            }
            return Optional.of(new Entry(time, level, object, message.strip(), statistics));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static Statistics statistics(JsonParser parser) {
        long bytes = -1;
        long renames = 0;
        long errors = 0;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "bytes" -> bytes = parser.getValueAsLong(-1);
                case "renames" -> renames = parser.getValueAsLong(0);
                case "errors" -> errors = parser.getValueAsLong(0);
                default -> parser.skipChildren();
            }
        }
        return new Statistics(bytes, renames, errors);
    }
}
