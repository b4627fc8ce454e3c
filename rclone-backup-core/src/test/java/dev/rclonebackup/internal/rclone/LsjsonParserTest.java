package dev.rclonebackup.internal.rclone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LsjsonParserTest {
    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsFilesSkipsFoldersAndIgnoresFieldsItDoesNotUse() throws IOException {
        String listing = """
                [
                {"Path":"db","Name":"db","Size":-1,"MimeType":"inode/directory","ModTime":"2026-01-02T03:04:05.000000000Z","IsDir":true},
                {"Path":"db/a.dump","Name":"a.dump","Size":1234,"MimeType":"application/octet-stream",
                 "ModTime":"2026-01-02T04:04:05.5+01:00","IsDir":false,
                 "Hashes":{"md5":"abc","sha1":"def"},"Metadata":{"nested":{"deeper":[1,2,{"x":null}]}},"Tier":"STANDARD"},
                {"Name":"bare"}
                ]
                """;

        assertThat(LsjsonParser.parseList(json(listing), "remote:db"))
                .containsExactly(
                        new RemoteEntry("db/a.dump", "a.dump", 1234, Instant.parse("2026-01-02T03:04:05.5Z"), false),
                        new RemoteEntry("", "bare", -1, Instant.EPOCH, false));
    }

    @Test
    void anEmptyListingHasNoFiles() throws IOException {
        assertThat(LsjsonParser.parseList(json("[]\n"), "remote:db")).isEmpty();
    }

    @Test
    void readsTheSingleEntryOfStat() throws IOException {
        RemoteEntry entry = LsjsonParser.parseOne(
                json(
                        "{\"Path\":\"x.dump\",\"Name\":\"x.dump\",\"Size\":7,\"ModTime\":\"2026-05-06T07:08:09Z\",\"IsDir\":false}"),
                "remote:x.dump");

        assertThat(entry)
                .isEqualTo(new RemoteEntry("x.dump", "x.dump", 7, Instant.parse("2026-05-06T07:08:09Z"), false));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-01-02T03:04:05Z", "2026-01-02T03:04:05.5Z", "2026-01-02T03:04:05.123456789Z",
                "2026-01-02T03:04:05.000000001+01:00", "2026-12-31T23:59:59.999-05:30", "1970-01-01T00:00:00+00:00",
                "2024-02-29T12:00:00.12+14:00", "2026-01-02t03:04:05z", "2026-01-02T03:04:05.Z"
            })
    void readsTimesAsTheJdkDoes(String time) {
        assertThat(LsjsonParser.instant(time))
                .isEqualTo(OffsetDateTime.parse(time).toInstant());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-13-02T03:04:05Z",
                "2025-02-29T03:04:05Z",
                "2026-01-02T24:04:05Z",
                "2026-01-02T03:04:05.1234567891Z",
                "2026-01-02T03:04:05+01:75",
                "2026-01-02T03:04:05+19:00",
                "2026-01-02T03:04:05",
                "2026-01-02T03:04:05+0100",
                "2026-01-02T03:04:0xZ",
                "2026-01-02T03:04:05.١Z",
                "yesterday"
            })
    void refusesWhatTheJdkRefuses(String time) {
        assertThatThrownBy(() -> OffsetDateTime.parse(time)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> LsjsonParser.instant(time)).isInstanceOf(DateTimeException.class);
    }

    @Test
    void unexpectedOutputIsAnErrorNamingThePath() {
        assertThatThrownBy(() -> LsjsonParser.parseList(json("{}"), "remote:db"))
                .isInstanceOf(IOException.class)
                .hasMessage("rclone lsjson remote:db printed unexpected output: expected a JSON array");
        assertThatThrownBy(() -> LsjsonParser.parseList(json(""), "remote:db"))
                .hasMessageContaining("expected a JSON array");
        assertThatThrownBy(() -> LsjsonParser.parseList(json("[1]"), "remote:db"))
                .hasMessageContaining("expected a JSON object for each entry");
        assertThatThrownBy(() -> LsjsonParser.parseList(json("[{\"Name\":\"a\"}"), "remote:db"))
                .hasMessageStartingWith("rclone lsjson remote:db printed unexpected output: ");
        assertThatThrownBy(() -> LsjsonParser.parseList(json("[] []"), "remote:db"))
                .hasMessageContaining("unexpected content after the JSON value");
        assertThatThrownBy(
                        () -> LsjsonParser.parseList(json("[{\"Name\":\"a\",\"ModTime\":\"yesterday\"}]"), "remote:db"))
                .hasMessageContaining("unreadable ModTime 'yesterday'");
        assertThatThrownBy(() -> LsjsonParser.parseOne(json("[]"), "remote:x"))
                .hasMessageContaining("expected a JSON object");
    }
}
