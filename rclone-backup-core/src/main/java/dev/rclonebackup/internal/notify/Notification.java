package dev.rclonebackup.internal.notify;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * What one notification says about a command run, sent as the JSON body of the POST.
 *
 * @param command   the command, e.g. {@code dbbackup}
 * @param status    {@code start}, {@code success} or {@code failure}
 * @param databases the database aliases the run worked on, in the order it met them
 * @param paths     the backups it stored or restored from, e.g. {@code db/default-2024-01-15-120000.dump}
 * @param error     why it failed (credentials hidden), or null
 * @param started   when the run started (in the JSON: UTC, whole seconds)
 * @param finished  when it ended, or null for {@code start}
 * @param host      the name of the machine it ran on
 */
public record Notification(
        String command,
        String status,
        List<String> databases,
        List<String> paths,
        String error,
        Instant started,
        Instant finished,
        String host) {
    public static final String START = "start";
    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";

    private static final JsonFactory JSON = JsonFactory.builder().build();

    public Notification {
        databases = List.copyOf(databases);
        paths = List.copyOf(paths);
    }

    /**
     * One sentence for a chat message, e.g. {@code rclone-backup dbbackup of default succeeded on
     * db1 in 4s: db/default-2024-01-15-120000.dump}.
     */
    public String text() {
        StringBuilder text = new StringBuilder("rclone-backup ").append(command);
        if (!databases.isEmpty()) {
            text.append(" of ").append(String.join(", ", databases));
        }
        switch (status) {
            case START -> text.append(" started on ").append(host);
            case SUCCESS -> {
                text.append(" succeeded on ").append(host).append(" in ").append(seconds());
                if (!paths.isEmpty()) {
                    text.append(": ").append(String.join(", ", paths));
                }
            }
            default -> text.append(" failed on ").append(host).append(": ").append(error);
        }
        return text.toString();
    }

    private String seconds() {
        return Duration.between(started, finished).toSeconds() + "s";
    }

    /** The JSON body: every field (null ones as {@code null}) and {@code text}. */
    public String json() {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
            json.writeStartObject();
            json.writeStringProperty("command", command);
            json.writeStringProperty("status", status);
            writeArray(json, "databases", databases);
            writeArray(json, "paths", paths);
            json.writeStringProperty("error", error);
            json.writeStringProperty("started", inSeconds(started));
            json.writeStringProperty("finished", inSeconds(finished));
            json.writeStringProperty("host", host);
            json.writeStringProperty("text", text());
            json.writeEndObject();
        }
        return text.toString();
    }

    /** UTC, whole seconds, {@code Z}: as {@code listbackups} shows times. */
    private static String inSeconds(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void writeArray(JsonGenerator json, String name, List<String> values) {
        json.writeArrayPropertyStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
