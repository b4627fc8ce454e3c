package dev.rclonebackup.rclone;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads the JSON printed by {@code rclone lsjson}. */
final class LsjsonParser {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private LsjsonParser() {
    }

    /** The files of an lsjson listing (folders left out). */
    static List<RemoteEntry> parseList(byte[] json, String path) throws IOException {
        JsonNode root = read(json, path);
        if (!root.isArray()) {
            throw malformed(path, "expected a JSON array");
        }
        List<RemoteEntry> files = new ArrayList<>();
        for (JsonNode node : root) {
            RemoteEntry entry = entry(node, path);
            if (!entry.dir()) {
                files.add(entry);
            }
        }
        return files;
    }

    /** The single entry printed by {@code lsjson --stat}. */
    static RemoteEntry parseOne(byte[] json, String path) throws IOException {
        JsonNode root = read(json, path);
        if (!root.isObject()) {
            throw malformed(path, "expected a JSON object");
        }
        return entry(root, path);
    }

    private static JsonNode read(byte[] json, String path) throws IOException {
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw malformed(path, e.getOriginalMessage());
        }
    }

    private static RemoteEntry entry(JsonNode node, String path) throws IOException {
        String modified = node.path("ModTime").asString("");
        try {
            return new RemoteEntry(
                    node.path("Path").asString(""),
                    node.path("Name").asString(""),
                    node.path("Size").asLong(-1),
                    modified.isEmpty() ? Instant.EPOCH : OffsetDateTime.parse(modified).toInstant(),
                    node.path("IsDir").asBoolean(false));
        } catch (DateTimeParseException e) {
            throw malformed(path, "unreadable ModTime '" + modified + "'");
        }
    }

    private static IOException malformed(String path, String detail) {
        return new IOException("rclone lsjson " + path + " printed unexpected output: " + detail);
    }
}
