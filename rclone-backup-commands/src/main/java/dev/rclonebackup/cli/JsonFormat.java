package dev.rclonebackup.cli;

import dev.rclonebackup.BackupFile;
import dev.rclonebackup.CheckResult;
import dev.rclonebackup.MediaFile;
import dev.rclonebackup.MediaListing;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * The machine-readable output of {@code listbackups --json} and {@code check --json}: one JSON
 * array, written with Jackson's streaming generator. Sizes are bytes ({@code null} when the
 * remote does not know them), times UTC ISO-8601 in whole seconds.
 */
final class JsonFormat {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final ObjectWriteContext PRETTY = new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
        }
    };

    private JsonFormat() {}

    /**
     * {@code [{"database", "name", "path", "size", "modified"}, …]} in the order given (newest
     * first); {@code path} is the name under {@code backupDir}, as the other commands print it.
     */
    static String backups(List<BackupFile> backups, String backupDir) {
        return array(json -> {
            for (BackupFile backup : backups) {
                json.writeStartObject();
                json.writeStringProperty("database", backup.database());
                json.writeStringProperty("name", backup.name());
                json.writeStringProperty("path", backupDir + "/" + backup.name());
                size(json, backup.size());
                json.writeStringProperty("modified", utc(backup.modified()));
                json.writeEndObject();
            }
        });
    }

    /** {@code [{"path", "size"}, …]} sorted by path, as the listing is. */
    static String media(MediaListing listing) {
        return array(json -> {
            for (MediaFile file : listing.files()) {
                json.writeStartObject();
                json.writeStringProperty("path", file.path());
                size(json, file.size());
                json.writeEndObject();
            }
        });
    }

    /** {@code [{"database", "ok", "newest", "age_seconds", "size", "problem"}, …]}, null where there is no value. */
    static String checks(List<CheckResult> results) {
        return array(json -> {
            for (CheckResult result : results) {
                json.writeStartObject();
                json.writeStringProperty("database", result.database());
                json.writeBooleanProperty("ok", result.ok());
                BackupFile newest = result.newest();
                json.writeStringProperty("newest", newest == null ? null : newest.name());
                if (result.age() == null) {
                    json.writeNullProperty("age_seconds");
                } else {
                    json.writeNumberProperty("age_seconds", result.age().toSeconds());
                }
                size(json, newest == null ? -1 : newest.size());
                json.writeStringProperty("problem", result.problem());
                json.writeEndObject();
            }
        });
    }

    private interface Elements {
        void write(JsonGenerator json);
    }

    private static String array(Elements elements) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(PRETTY, text)) {
            json.writeStartArray();
            elements.write(json);
            json.writeEndArray();
        }
        return text.toString();
    }

    private static void size(JsonGenerator json, long size) {
        if (size < 0) {
            json.writeNullProperty("size");
        } else {
            json.writeNumberProperty("size", size);
        }
    }

    private static String utc(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
