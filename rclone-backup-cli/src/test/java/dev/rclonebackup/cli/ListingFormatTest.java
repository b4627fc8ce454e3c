package dev.rclonebackup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.BackupFile;
import dev.rclonebackup.MediaFile;
import dev.rclonebackup.MediaListing;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The expected lines are written out literally from the specified widths (Name 50 left, Size 12
 * right, Modified 25 left; Path 60 left, Size 12 right; one space between columns), so that a
 * change of width or alignment in the code cannot go unnoticed.
 */
class ListingFormatTest {

    @Test
    void databaseBackupsTable() {
        List<String> lines = ListingFormat.backups(List.of(
                new BackupFile(
                        "default-2024-01-15-120000.dump",
                        "default",
                        1_258_291,
                        Instant.parse("2024-01-15T12:00:00.987654321Z")),
                new BackupFile(
                        "default-2024-01-14-120000.dump",
                        "default",
                        1_153_434,
                        Instant.parse("2024-01-14T12:00:00Z"))));

        assertThat(lines)
                .containsExactly(
                        "Name                                                       Size Modified                 ",
                        "---------------------------------------------------------------------------------------",
                        "default-2024-01-15-120000.dump                           1.2 MB 2024-01-15T12:00:00Z     ",
                        "default-2024-01-14-120000.dump                           1.1 MB 2024-01-14T12:00:00Z     ");
    }

    @Test
    void columnsLineUpUnderTheirHeaders() {
        List<String> lines = ListingFormat.backups(List.of(new BackupFile(
                "analytics-2024-01-15-120000.sqlite3", "analytics", 512, Instant.parse("2024-01-15T12:00:00Z"))));

        String header = lines.get(0);
        String row = lines.get(2);
        assertThat(lines.get(1)).hasSize(87).matches("-+");
        assertThat(header.indexOf("Size") + "Size".length())
                .isEqualTo(row.indexOf("512 B") + "512 B".length())
                .isEqualTo(63);
        assertThat(header.indexOf("Modified"))
                .isEqualTo(row.indexOf("2024-01-15T12:00:00Z"))
                .isEqualTo(64);
        assertThat(row).hasSize(89);
    }

    @Test
    void aNameLongerThanItsColumnIsNotCut() {
        String name = "a_very_long_database_alias_for_testing-2024-01-15-120000.dump";

        String row = ListingFormat.backups(
                        List.of(new BackupFile(name, "x", 10, Instant.parse("2024-01-15T12:00:00Z"))))
                .get(2);

        assertThat(row).isEqualTo(name + "         10 B 2024-01-15T12:00:00Z     ");
    }

    @Test
    void noDatabaseBackups() {
        assertThat(ListingFormat.backups(List.of())).containsExactly("No database backups found.");
    }

    @Test
    void mediaSummaryAndTable() {
        List<String> lines = ListingFormat.media(new MediaListing(
                List.of(
                        new MediaFile("uploads/photos/image001.jpg", 2_516_582),
                        new MediaFile("uploads/photos/image002.jpg", 1_887_437)),
                4_404_019));

        assertThat(lines)
                .containsExactly(
                        "Media files: 2, Total size: 4.2 MB",
                        "",
                        "Path                                                                 Size",
                        "------------------------------------------------------------------------",
                        "uploads/photos/image001.jpg                                        2.4 MB",
                        "uploads/photos/image002.jpg                                        1.8 MB");
    }

    @Test
    void mediaSummaryAsInTheReference() {
        List<String> lines = ListingFormat.media(new MediaListing(List.of(new MediaFile("a", 1)), 163_891_610));

        assertThat(lines.get(0)).isEqualTo("Media files: 1, Total size: 156.3 MB");
    }

    @Test
    void noMedia() {
        assertThat(ListingFormat.media(new MediaListing(List.of(), 0))).containsExactly("No media backups found.");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0|0 B",
                "512|512 B",
                "1023|1023 B",
                "1024|1.0 KB",
                "1536|1.5 KB",
                // Halves round to even on the exact value, as the Python tool prints them.
                "1280|1.2 KB",
                "1152|1.1 KB",
                "1048535|1024.0 KB",
                "1258291|1.2 MB",
                "163891610|156.3 MB",
                "1073741824|1.0 GB",
                "1099511627776|1.0 TB",
                "1125899906842624|1.0 PB",
                "1152921504606846976|1024.0 PB",
                "9223372036854775807|8192.0 PB",
                // rclone's -1 for a size the remote does not know.
                "-1|-",
            })
    void sizes(long bytes, String expected) {
        assertThat(ListingFormat.size(bytes)).isEqualTo(expected);
    }
}
