package dev.rclonebackup.internal.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rclonebackup.BackupFile;
import dev.rclonebackup.MediaFile;
import dev.rclonebackup.MediaListing;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.internal.naming.FilenameTemplate;
import dev.rclonebackup.internal.naming.RemotePaths;
import dev.rclonebackup.internal.process.ProcessRunner;
import dev.rclonebackup.internal.rclone.CapturingReporter;
import dev.rclonebackup.internal.rclone.Rclone;
import dev.rclonebackup.internal.rclone.RemoteEntry;
import dev.rclonebackup.settings.Settings;
import dev.rclonebackup.testing.RcloneFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListOperationsTest {
    @RegisterExtension
    final RcloneFixture fixture = new RcloneFixture();

    private final CapturingReporter reporter = new CapturingReporter();
    private Rclone rclone;
    private Path staging;

    @BeforeEach
    void setUp() {
        rclone = new Rclone("rclone", fixture.config(), List.of(), reporter);
        staging = fixture.newFolder("staging");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void backupsAreListedNewestFirstByModificationTimeNotByName(boolean encrypted) throws Exception {
        String remote =
                encrypted ? fixture.cryptRemote() : fixture.plainRemote().toString();
        stage("default-2024-01-15-120000.dump", "later name, older file", "2024-01-10T08:00:00Z");
        stage("default-2024-01-14-120000.dump", "x", "2024-01-14T12:00:00Z");
        stage("analytics-2024-01-13-120000.sqlite3", "yy", "2024-01-13T12:00:00Z");
        upload(remote);

        List<BackupFile> backups = facade(remote).listBackups(null);

        assertThat(backups)
                .containsExactly(
                        new BackupFile(
                                "default-2024-01-14-120000.dump", "default", 1, Instant.parse("2024-01-14T12:00:00Z")),
                        new BackupFile(
                                "analytics-2024-01-13-120000.sqlite3",
                                "analytics",
                                2,
                                Instant.parse("2024-01-13T12:00:00Z")),
                        new BackupFile(
                                "default-2024-01-15-120000.dump",
                                "default",
                                22,
                                Instant.parse("2024-01-10T08:00:00Z")));
    }

    @Test
    void equalModificationTimesAreOrderedByTheTimestampInTheName() throws Exception {
        String sameTime = "2024-03-01T00:00:00Z";
        stage("b-2024-01-01-000000.dump", "x", sameTime);
        stage("a-2024-02-01-000000.dump", "x", sameTime);
        stage("c-2023-12-01-000000.dump", "x", sameTime);
        upload(fixture.plainRemote().toString());

        assertThat(facade(fixture.plainRemote().toString()).listBackups(null))
                .extracting(BackupFile::name)
                .containsExactly("a-2024-02-01-000000.dump", "b-2024-01-01-000000.dump", "c-2023-12-01-000000.dump");
    }

    @Test
    void equalTimesInFileAndNameAreOrderedByNameDescending() {
        Instant same = Instant.parse("2024-03-01T00:00:00Z");
        List<RemoteEntry> files = List.of(
                new RemoteEntry("beta-2024-01-01-000000.dump", "beta-2024-01-01-000000.dump", 1, same, false),
                new RemoteEntry("gamma-2024-01-01-000000.sqlite3", "gamma-2024-01-01-000000.sqlite3", 1, same, false),
                new RemoteEntry("alpha-2024-01-01-000000.dump", "alpha-2024-01-01-000000.dump", 1, same, false));

        List<BackupFile> backups = ListOperations.backupsAmong(
                files, null, FilenameTemplate.of("{database}-{datetime}.{ext}", "yyyy-MM-dd-HHmmss"));

        assertThat(backups)
                .extracting(BackupFile::name)
                .containsExactly(
                        "gamma-2024-01-01-000000.sqlite3",
                        "beta-2024-01-01-000000.dump",
                        "alpha-2024-01-01-000000.dump");
    }

    @Test
    void foreignFilesFoldersAndPartialUploadsAreNotBackups() throws Exception {
        stage("default-2024-01-15-120000.dump", "real", "2024-01-15T12:00:00Z");
        stage("default-2024-01-16-120000.dump.partial-3f2a9c", "half", "2024-01-16T12:00:00Z");
        stage("notes.txt", "n", "2024-01-16T12:00:00Z");
        stage("default-latest.dump", "l", "2024-01-16T12:00:00Z");
        stage("default-2024-13-45-999999.dump", "bad date", "2024-01-16T12:00:00Z");
        stage("default-2024-01-17-120000.dump/inside.txt", "folder named like a backup", "2024-01-16T12:00:00Z");
        upload(fixture.plainRemote().toString());

        assertThat(facade(fixture.plainRemote().toString()).listBackups(null))
                .extracting(BackupFile::name)
                .containsExactly("default-2024-01-15-120000.dump");
    }

    @Test
    void theDatabaseFilterKeepsOnlyThatDatabasesBackups() throws Exception {
        stage("default-2024-01-15-120000.dump", "d", "2024-01-15T12:00:00Z");
        stage("default_old-2024-01-15-120000.dump", "o", "2024-01-15T12:00:00Z");
        stage("analytics-2024-01-15-120000.sqlite3", "a", "2024-01-15T12:00:00Z");
        upload(fixture.plainRemote().toString());
        RcloneBackup backups = facade(fixture.plainRemote().toString());

        assertThat(backups.listBackups("default"))
                .extracting(BackupFile::name)
                .containsExactly("default-2024-01-15-120000.dump");
        assertThat(backups.listBackups("analytics"))
                .extracting(BackupFile::database)
                .containsExactly("analytics");
        assertThat(backups.listBackups("missing")).isEmpty();
    }

    @Test
    void backupsWrittenByAnotherToolWithTheSameNamingAreListed() throws Exception {
        String db = fixture.cryptRemote() + "db/";
        ProcessRunner.run(rclone.rcat(db + "default-2023-12-31-235959.dump"), bytes("PGDMP…"), reporter);
        ProcessRunner.run(rclone.rcat(db + "analytics-2023-12-31-235959.sqlite3"), bytes("BEGIN;"), reporter);

        List<BackupFile> backups = facade(fixture.cryptRemote()).listBackups(null);

        assertThat(backups)
                .extracting(BackupFile::name, BackupFile::database)
                .containsExactlyInAnyOrder(
                        tuple("default-2023-12-31-235959.dump", "default"),
                        tuple("analytics-2023-12-31-235959.sqlite3", "analytics"));
        assertThat(backups)
                .allSatisfy(b -> assertThat(b.modified()).isAfter(Instant.now().minusSeconds(600)));
    }

    @Test
    void aRemoteWithoutABackupFolderHasNoBackups() {
        RcloneBackup backups = facade(fixture.plainRemote().toString());

        assertThat(backups.listBackups(null)).isEmpty();
        assertThat(backups.listMedia()).isEqualTo(new MediaListing(List.of(), 0));
    }

    @Test
    void mediaIsListedRecursivelyByPathWithTheTotalSize() throws Exception {
        stage("uploads/photos/b.jpg", "bb", "2024-01-15T12:00:00Z");
        stage("uploads/photos/a.jpg", "a", "2024-01-15T12:00:00Z");
        stage("avatar.png", "cccc", "2024-01-15T12:00:00Z");
        Files.createDirectories(staging.resolve("uploads/empty"));
        rclone.copy(staging.toString(), fixture.cryptRemote() + "media", false);

        MediaListing listing = facade(fixture.cryptRemote()).listMedia();

        assertThat(listing.files())
                .containsExactly(
                        new MediaFile("avatar.png", 4),
                        new MediaFile("uploads/photos/a.jpg", 1),
                        new MediaFile("uploads/photos/b.jpg", 2));
        assertThat(listing.totalSize()).isEqualTo(7);
    }

    private void stage(String name, String content, String modified) throws IOException {
        Path file = staging.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(modified)));
    }

    /** Uploads the staged files to REMOTE/db with rclone, which keeps their modification times. */
    private void upload(String remote) throws Exception {
        rclone.copy(staging.toString(), RemotePaths.join(remote, "db"), false);
    }

    private RcloneBackup facade(String remote) {
        return RcloneBackup.configure()
                .settings(Settings.builder()
                        .remote(remote)
                        .rcloneConfig(fixture.config())
                        .build())
                .reporter(reporter)
                .serviceLoaderListeners(false)
                .load();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
