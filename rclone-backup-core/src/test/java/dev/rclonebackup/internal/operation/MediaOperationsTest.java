package dev.rclonebackup.internal.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.BackupEvent;
import dev.rclonebackup.BackupListener;
import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.MediaBackupOptions;
import dev.rclonebackup.MediaRestoreOptions;
import dev.rclonebackup.MediaResult;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.internal.rclone.CapturingReporter;
import dev.rclonebackup.settings.Settings;
import dev.rclonebackup.testing.RcloneFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaOperationsTest {
    @RegisterExtension
    final RcloneFixture fixture = new RcloneFixture();

    private final CapturingReporter reporter = new CapturingReporter();
    private final List<String> events = new ArrayList<>();
    private Path media;

    @BeforeEach
    void setUp() {
        media = fixture.newFolder("media-root");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "crypt", "compress"})
    void backupThenRestoreGivesBackEveryFileByteForByte(String kind) throws IOException {
        String remote = remote(kind);
        Map<String, byte[]> original = writeMediaTree();
        RcloneBackup backups = facade(remote);

        backups.mediaBackup(MediaBackupOptions.DEFAULTS);
        deleteTree(media);
        backups.mediaRestore(MediaRestoreOptions.DEFAULTS);

        assertThat(contents(media)).containsOnlyKeys(original.keySet());
        original.forEach(
                (path, bytes) -> assertThat(contents(media).get(path)).as(path).isEqualTo(bytes));
        assertThat(backups.listMedia().files()).hasSize(original.size());
    }

    @Test
    void theCryptRemoteStoresNoPlainNames() throws IOException {
        writeMediaTree();

        facade(fixture.cryptRemote()).mediaBackup(MediaBackupOptions.DEFAULTS);

        assertThat(contents(fixture.cryptStorage()))
                .isNotEmpty()
                .allSatisfy((path, bytes) -> assertThat(path).doesNotContain("photo", "uploads", "media"));
    }

    @Test
    void backupReportsAndNotifiesAroundTheSync() throws IOException {
        writeMediaTree();
        String remote = fixture.plainRemote().toString();

        MediaResult result = facade(remote).mediaBackup(MediaBackupOptions.DEFAULTS);

        assertThat(reporter.shown)
                .containsExactly("Syncing media from " + media + " to " + remote + "/media", "Media backup completed.");
        assertThat(events).containsExactly("pre-media-backup", "post-media-backup");
        assertThat(result.source()).isEqualTo(media.toString());
        assertThat(result.destination()).isEqualTo(remote + "/media");
        assertThat(result.dryRun()).isFalse();
    }

    @Test
    void backupIsIncrementalAndMirrorsDeletions() throws IOException {
        Files.writeString(media.resolve("keep.txt"), "k");
        Files.writeString(media.resolve("gone.txt"), "g");
        RcloneBackup backups = facade(fixture.plainRemote().toString());
        backups.mediaBackup(MediaBackupOptions.DEFAULTS);

        Files.delete(media.resolve("gone.txt"));
        Files.writeString(media.resolve("new.txt"), "n");
        backups.mediaBackup(MediaBackupOptions.DEFAULTS);

        assertThat(contents(fixture.plainRemote().resolve("media"))).containsOnlyKeys("keep.txt", "new.txt");
    }

    @Test
    void restoreReportsAndCreatesAMissingMediaRoot() throws IOException {
        writeMediaTree();
        String remote = fixture.plainRemote().toString();
        facade(remote).mediaBackup(MediaBackupOptions.DEFAULTS);
        Path elsewhere = fixture.root().resolve("new/media");
        reporter.shown.clear();
        events.clear();

        facade(remote, elsewhere).mediaRestore(MediaRestoreOptions.DEFAULTS);

        assertThat(contents(elsewhere)).containsOnlyKeys(contents(media).keySet());
        assertThat(reporter.shown)
                .containsExactly("Syncing media from " + remote + "/media to " + elsewhere, "Media restore completed.");
        assertThat(events).containsExactly("pre-media-restore", "post-media-restore");
    }

    @Test
    void restoreBySyncDeletesLocalExtrasButCopyKeepsThem() throws IOException {
        Files.writeString(media.resolve("backed-up.txt"), "b");
        RcloneBackup backups = facade(fixture.plainRemote().toString());
        backups.mediaBackup(MediaBackupOptions.DEFAULTS);
        Files.writeString(media.resolve("local-only.txt"), "l");

        backups.mediaRestore(new MediaRestoreOptions(false, true));
        assertThat(contents(media)).containsOnlyKeys("backed-up.txt", "local-only.txt");

        backups.mediaRestore(MediaRestoreOptions.DEFAULTS);
        assertThat(contents(media)).containsOnlyKeys("backed-up.txt");
    }

    @Test
    void dryRunsChangeNothing() throws IOException {
        Files.writeString(media.resolve("a.txt"), "a");
        RcloneBackup backups = facade(fixture.plainRemote().toString());
        backups.mediaBackup(MediaBackupOptions.DEFAULTS);
        Files.writeString(media.resolve("b.txt"), "b");
        Files.delete(media.resolve("a.txt"));
        reporter.infos.clear();

        MediaResult backup = backups.mediaBackup(new MediaBackupOptions(true, false));
        assertThat(contents(fixture.plainRemote().resolve("media"))).containsOnlyKeys("a.txt");
        assertThat(reporter.infos).contains("b.txt: Skipped copy as --dry-run is set (size 1)");

        backups.mediaRestore(new MediaRestoreOptions(true, false));
        backups.mediaRestore(new MediaRestoreOptions(true, true));
        assertThat(contents(media)).containsOnlyKeys("b.txt");
        assertThat(backup.dryRun()).isTrue();
    }

    @Test
    void aDryRunSaysThatNothingWasChangedAndNotThatItCompleted() throws IOException {
        Files.writeString(media.resolve("a.txt"), "a");
        RcloneBackup backups = facade(fixture.plainRemote().toString());
        backups.mediaBackup(MediaBackupOptions.DEFAULTS);
        Files.writeString(media.resolve("b.txt"), "b");
        reporter.successes.clear();

        backups.mediaBackup(new MediaBackupOptions(true, false));
        backups.mediaRestore(new MediaRestoreOptions(true, false));
        backups.mediaRestore(new MediaRestoreOptions(true, true));

        assertThat(reporter.successes)
                .containsExactly(
                        "Dry run of the media backup: nothing was changed.",
                        "Dry run of the media restore: nothing was changed.",
                        "Dry run of the media restore: nothing was changed.");
        assertThat(contents(fixture.plainRemote().resolve("media"))).containsOnlyKeys("a.txt");
        assertThat(contents(media)).containsOnlyKeys("a.txt", "b.txt");
    }

    @Test
    void anEmptyMediaFolderDoesNotWipeTheRemoteCopy() throws IOException {
        Files.writeString(media.resolve("a.txt"), "a");
        RcloneBackup backups = facade(fixture.plainRemote().toString());
        backups.mediaBackup(MediaBackupOptions.DEFAULTS);
        Files.delete(media.resolve("a.txt"));
        Files.createDirectories(media.resolve("empty-subfolder"));

        assertThatThrownBy(() -> backups.mediaBackup(MediaBackupOptions.DEFAULTS))
                .isInstanceOfSatisfying(
                        RcloneBackupException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.OPERATION_FAILED))
                .hasMessageContaining("'" + media + "' has no files")
                .hasMessageContaining("unmounted volume")
                .hasMessageContaining("--allow-empty");
        assertThat(contents(fixture.plainRemote().resolve("media"))).containsOnlyKeys("a.txt");

        backups.mediaBackup(new MediaBackupOptions(false, true));
        assertThat(contents(fixture.plainRemote().resolve("media"))).isEmpty();
    }

    @Test
    void aMissingMediaFolderDoesNotWipeTheRemoteCopy() throws IOException {
        Files.writeString(media.resolve("a.txt"), "a");
        facade(fixture.plainRemote().toString()).mediaBackup(MediaBackupOptions.DEFAULTS);
        deleteTree(media);

        assertThatThrownBy(() -> facade(fixture.plainRemote().toString()).mediaBackup(MediaBackupOptions.DEFAULTS))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageContaining("'" + media + "' does not exist")
                .hasMessageContaining("--allow-empty");
        assertThat(contents(fixture.plainRemote().resolve("media"))).containsOnlyKeys("a.txt");
    }

    @Test
    void anEmptyMediaFolderMayStartAnEmptyRemoteCopy() {
        facade(fixture.plainRemote().toString()).mediaBackup(MediaBackupOptions.DEFAULTS);

        assertThat(reporter.successes).containsExactly("Media backup completed.");
    }

    @Test
    void aMissingMediaFolderIsAnErrorEvenWhenAllowedEmpty() {
        Path missing = fixture.root().resolve("unmounted");

        assertThatThrownBy(() -> facade(fixture.plainRemote().toString(), missing)
                        .mediaBackup(new MediaBackupOptions(false, true)))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessage("The media folder '" + missing + "' (media.root) does not exist.");
    }

    @Test
    void aFailingPreBackupListenerStopsBeforeAnythingChanges() throws IOException {
        Files.writeString(media.resolve("a.txt"), "a");
        RcloneBackup backups = RcloneBackup.configure()
                .settings(settings(fixture.plainRemote().toString(), media))
                .serviceLoaderListeners(false)
                .listener(event -> {
                    if (event instanceof BackupEvent.BeforeMediaBackup) {
                        throw new IllegalStateException("volume not mounted");
                    }
                })
                .load();

        assertThatThrownBy(() -> backups.mediaBackup(MediaBackupOptions.DEFAULTS))
                .hasMessage("volume not mounted");
        assertThat(fixture.plainRemote().resolve("media")).doesNotExist();
    }

    @Test
    void mediaCommandsNeedTheMediaRoot() {
        for (Path unset : new Path[] {null, Path.of("")}) {
            // Settings validation may reject an empty media.root first; either way it is a configuration error.
            assertThatThrownBy(() ->
                            facade(fixture.plainRemote().toString(), unset).mediaBackup(MediaBackupOptions.DEFAULTS))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("media.root");
            assertThatThrownBy(() ->
                            facade(fixture.plainRemote().toString(), unset).mediaRestore(MediaRestoreOptions.DEFAULTS))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("media.root");
        }
        assertThatThrownBy(
                        () -> facade(fixture.plainRemote().toString(), null).mediaBackup(MediaBackupOptions.DEFAULTS))
                .hasMessage("media.root is not set; media commands need the local media folder.");
        // Nothing started, but each command failed: only the failure events were sent (an empty
        // media.root is refused before the facade exists, so it sends none).
        assertThat(events).containsExactly("media-backup-failed", "media-restore-failed", "media-backup-failed");
    }

    @Test
    void aBackupDeletingMoreThanTheLimitIsRefusedUnlessForcedAndADryRunOnlyWarns() throws IOException {
        for (String name : List.of("a", "b", "c")) {
            Files.writeString(media.resolve(name), name);
        }
        String remote = fixture.plainRemote().toString();
        RcloneBackup backups = facade(remote);
        backups.mediaBackup(MediaBackupOptions.DEFAULTS);
        Files.delete(media.resolve("a"));
        Files.delete(media.resolve("b"));
        reporter.shown.clear();

        assertThatThrownBy(() -> backups.mediaBackup(MediaBackupOptions.DEFAULTS))
                .isInstanceOfSatisfying(
                        RcloneBackupException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.OPERATION_FAILED))
                .hasMessageStartingWith("mediabackup would delete 2 of the 3 files in " + remote + "/media (67%), "
                        + "more than media.max-delete-percent (50%); refusing, nothing was changed.");
        assertThat(reporter.shown).isEmpty();
        assertThat(contents(fixture.plainRemote().resolve("media"))).containsOnlyKeys("a", "b", "c");

        backups.mediaBackup(new MediaBackupOptions(true, false, false));
        assertThat(reporter.warnings)
                .containsExactly("The sync would delete 2 of the 3 files in " + remote
                        + "/media (67%), more than media.max-delete-percent (50%): without --dry-run, mediabackup refuses "
                        + "unless --force is given.");
        assertThat(reporter.infos).contains("a: Skipped delete as --dry-run is set (size 1)");
        assertThat(contents(fixture.plainRemote().resolve("media"))).containsOnlyKeys("a", "b", "c");

        backups.mediaBackup(new MediaBackupOptions(false, false, true));
        assertThat(contents(fixture.plainRemote().resolve("media"))).containsOnlyKeys("c");
    }

    @Test
    void aRestoreDeletingMoreThanTheLimitIsRefusedButACopyDeletesNothing() throws IOException {
        Files.writeString(media.resolve("backed-up.txt"), "b");
        RcloneBackup backups = facade(fixture.plainRemote().toString());
        backups.mediaBackup(MediaBackupOptions.DEFAULTS);
        Files.writeString(media.resolve("new-1.txt"), "1");
        Files.writeString(media.resolve("new-2.txt"), "2");

        assertThatThrownBy(() -> backups.mediaRestore(MediaRestoreOptions.DEFAULTS))
                .hasMessageStartingWith("mediarestore would delete 2 of the 3 files in " + media + " (67%)");
        assertThat(contents(media)).containsOnlyKeys("backed-up.txt", "new-1.txt", "new-2.txt");

        backups.mediaRestore(new MediaRestoreOptions(false, true, false));
        assertThat(contents(media)).containsOnlyKeys("backed-up.txt", "new-1.txt", "new-2.txt");
        backups.mediaRestore(new MediaRestoreOptions(false, false, true));
        assertThat(contents(media)).containsOnlyKeys("backed-up.txt");
    }

    @Test
    void aZeroLimitRefusesAnyDeletion() throws IOException {
        Files.writeString(media.resolve("a"), "a");
        Files.writeString(media.resolve("b"), "b");
        String remote = fixture.plainRemote().toString();
        RcloneBackup backups = RcloneBackup.configure()
                .reporter(reporter)
                .serviceLoaderListeners(false)
                .settings(settings(remote, media).toBuilder()
                        .mediaMaxDeletePercent(0)
                        .build())
                .load();
        backups.mediaBackup(MediaBackupOptions.DEFAULTS);
        Files.writeString(media.resolve("c"), "c");
        backups.mediaBackup(MediaBackupOptions.DEFAULTS);
        Files.delete(media.resolve("a"));

        assertThatThrownBy(() -> backups.mediaBackup(MediaBackupOptions.DEFAULTS))
                .hasMessageContaining("would delete 1 of the 3 files");
    }

    @Test
    void linksAreFollowedUnlessTurnedOffAndThenWhatRcloneSkipsIsAWarning() throws IOException {
        Path outside = Files.createDirectories(fixture.root().resolve("outside"));
        Files.writeString(outside.resolve("photo.jpg"), "p");
        Files.writeString(media.resolve("plain.txt"), "t");
        Files.createSymbolicLink(media.resolve("linked"), outside);
        String remote = fixture.plainRemote().toString();

        facade(remote).mediaBackup(MediaBackupOptions.DEFAULTS);
        assertThat(contents(fixture.plainRemote().resolve("media"))).containsOnlyKeys("plain.txt", "linked/photo.jpg");
        assertThat(reporter.warnings).isEmpty();

        RcloneBackup notFollowing = RcloneBackup.configure()
                .reporter(reporter)
                .serviceLoaderListeners(false)
                .settings(settings(remote, media).toBuilder()
                        .mediaFollowSymlinks(false)
                        .build())
                .load();
        notFollowing.mediaBackup(new MediaBackupOptions(false, false, true));
        assertThat(reporter.warnings).containsExactly("rclone: linked: Can't follow symlink without -L/--copy-links");
        assertThat(contents(fixture.plainRemote().resolve("media"))).containsOnlyKeys("plain.txt");
    }

    @Test
    void aLinkLoopOrABrokenLinkIsRefusedInEitherDirection() throws IOException {
        Files.writeString(media.resolve("a.txt"), "a");
        String remote = fixture.plainRemote().toString();
        facade(remote).mediaBackup(MediaBackupOptions.DEFAULTS);
        Files.createSymbolicLink(media.resolve("again"), media);

        assertThatThrownBy(() -> facade(remote).mediaBackup(MediaBackupOptions.DEFAULTS))
                .hasMessage("The media folder '" + media + "' has a symbolic link loop: '" + media.resolve("again")
                        + "' leads back to a folder it is in, which rclone would copy over and over; remove the link "
                        + "or set media.follow-symlinks to false; nothing was synced.");
        assertThatThrownBy(() -> facade(remote).mediaRestore(MediaRestoreOptions.DEFAULTS))
                .hasMessageContaining("symbolic link loop");

        Files.delete(media.resolve("again"));
        Files.createSymbolicLink(media.resolve("dangling"), fixture.root().resolve("nothing-here"));
        assertThatThrownBy(() -> facade(remote).mediaBackup(MediaBackupOptions.DEFAULTS))
                .hasMessageContaining("has a broken symbolic link '" + media.resolve("dangling") + "'");
        assertThat(contents(fixture.plainRemote().resolve("media"))).containsOnlyKeys("a.txt");
    }

    @Test
    void restoringWithoutARemoteCopySaysSo() {
        String remote = fixture.plainRemote().toString();

        assertThatThrownBy(() -> facade(remote).mediaRestore(MediaRestoreOptions.DEFAULTS))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessage("There is no media copy at " + remote + "/media to restore from.");
    }

    private String remote(String kind) {
        switch (kind) {
            case "plain":
                return fixture.plainRemote().toString();
            case "crypt":
                return fixture.cryptRemote();
            case "compress":
                return fixture.compressRemote() + "backups";
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    private RcloneBackup facade(String remote) {
        return facade(remote, media);
    }

    private RcloneBackup facade(String remote, Path mediaRoot) {
        return RcloneBackup.configure()
                .settings(settings(remote, mediaRoot))
                .reporter(reporter)
                .serviceLoaderListeners(false)
                .listener(new RecordingListener())
                .load();
    }

    private Settings settings(String remote, Path mediaRoot) {
        return Settings.builder()
                .remote(remote)
                .rcloneConfig(fixture.config())
                .mediaRoot(mediaRoot)
                .build();
    }

    private Map<String, byte[]> writeMediaTree() throws IOException {
        Random random = new Random(7);
        Map<String, byte[]> files = new TreeMap<>();
        files.put("uploads/photos/photo-001.jpg", randomBytes(random, 200_000));
        files.put("uploads/photos/photo with spaces & ünïcode.png", randomBytes(random, 3_000));
        files.put("uploads/docs/report.pdf", randomBytes(random, 70_000));
        files.put("uploads/empty.txt", new byte[0]);
        files.put("top-level.css", "body { color: red }".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = media.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
        return files;
    }

    private static byte[] randomBytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Relative path to content of every file under {@code folder}; empty when it does not exist. */
    private static Map<String, byte[]> contents(Path folder) {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                files.put(folder.relativize(path).toString(), Files.readAllBytes(path));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return files;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    private final class RecordingListener implements BackupListener {
        @Override
        public void on(BackupEvent event) {
            events.add(event.type().id());
        }
    }
}
