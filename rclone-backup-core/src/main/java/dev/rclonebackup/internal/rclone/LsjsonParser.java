package dev.rclonebackup.internal.rclone;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the JSON printed by {@code rclone lsjson}. It streams the tokens instead of building a
 * tree: a listing of many thousand files never exists twice in memory, and no object mapper
 * has to be set up, which is a measurable share of a short command's start-up.
 */
final class LsjsonParser {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private LsjsonParser() {}

    /** The files of an lsjson listing (folders left out). */
    static List<RemoteEntry> parseList(byte[] json, String path) throws IOException {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw malformed(path, "expected a JSON array");
            }
            List<RemoteEntry> files = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token != JsonToken.START_OBJECT) {
                    throw malformed(path, "expected a JSON object for each entry");
                }
                RemoteEntry entry = entry(parser, path);
                if (!entry.dir()) {
                    files.add(entry);
                }
            }
            requireEnd(parser, path);
            return files;
        } catch (JacksonException e) {
            throw malformed(path, e.getOriginalMessage());
        }
    }

    /** The single entry printed by {@code lsjson --stat}. */
    static RemoteEntry parseOne(byte[] json, String path) throws IOException {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw malformed(path, "expected a JSON object");
            }
            RemoteEntry entry = entry(parser, path);
            requireEnd(parser, path);
            return entry;
        } catch (JacksonException e) {
            throw malformed(path, e.getOriginalMessage());
        }
    }

    /** Reads the object the parser has just entered, up to and including its end. */
    private static RemoteEntry entry(JsonParser parser, String path) throws IOException {
        String entryPath = "";
        String name = "";
        long size = -1;
        String modified = "";
        boolean dir = false;
        for (String field = parser.nextName(); field != null; field = parser.nextName()) {
            if (parser.nextToken().isStructStart()) {
                parser.skipChildren(); // e.g. Hashes, Metadata
                continue;
            }
            switch (field) {
                case "Path" -> entryPath = parser.getValueAsString("");
                case "Name" -> name = parser.getValueAsString("");
                case "Size" -> size = parser.getValueAsLong(-1);
                case "ModTime" -> modified = parser.getValueAsString("");
                case "IsDir" -> dir = parser.getValueAsBoolean(false);
                default -> {}
            }
        }
        try {
            Instant time = modified.isEmpty() ? Instant.EPOCH : instant(modified);
            return new RemoteEntry(entryPath, name, size, time, dir);
        } catch (DateTimeException e) {
            throw malformed(path, "unreadable ModTime '" + modified + "'");
        }
    }

    /**
     * An RFC 3339 time as rclone prints it ({@code 2026-01-02T03:04:05.123456789+01:00}, or with
     * {@code Z}, with or without a fraction). Read by position, because in a short-lived JVM
     * {@link OffsetDateTime#parse} costs about 20 ms per 300 entries; anything else is left to it.
     */
    static Instant instant(String text) {
        int length = text.length();
        if (length < 20
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return OffsetDateTime.parse(text).toInstant();
        }
        int position = 19;
        int nanos = 0;
        if (text.charAt(position) == '.') {
            int digits = 0;
            while (++position < length && isDigit(text.charAt(position)) && digits < 9) {
                nanos = nanos * 10 + (text.charAt(position) - '0');
                digits++;
            }
            if (digits == 0 || position < length && isDigit(text.charAt(position))) {
                return OffsetDateTime.parse(text).toInstant();
            }
            for (; digits < 9; digits++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (position == length - 1 && text.charAt(position) == 'Z') {
            offsetSeconds = 0;
        } else if (position == length - 6
                && (text.charAt(position) == '+' || text.charAt(position) == '-')
                && text.charAt(position + 3) == ':'
                && number(text, position + 4, 2) < 60) {
            int sign = text.charAt(position) == '+' ? 1 : -1;
            offsetSeconds = sign * (number(text, position + 1, 2) * 3600 + number(text, position + 4, 2) * 60);
        } else {
            return OffsetDateTime.parse(text).toInstant();
        }
        LocalDateTime local = LocalDateTime.of(
                number(text, 0, 4),
                number(text, 5, 2),
                number(text, 8, 2),
                number(text, 11, 2),
                number(text, 14, 2),
                number(text, 17, 2),
                nanos);
        return local.toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int number(String text, int start, int digits) {
        int value = 0;
        for (int i = start; i < start + digits; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                throw new DateTimeParseException("not a digit at index " + i, text, i);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void requireEnd(JsonParser parser, String path) throws IOException {
        if (parser.nextToken() != null) {
            throw malformed(path, "unexpected content after the JSON value");
        }
    }

    private static IOException malformed(String path, String detail) {
        return new IOException("rclone lsjson " + path + " printed unexpected output: " + detail);
    }
}
