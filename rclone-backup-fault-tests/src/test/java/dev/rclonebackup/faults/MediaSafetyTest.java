package dev.rclonebackup.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.testing.RcloneFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guarantee 8: media syncs never wipe by surprise. Real rclone between a local media folder and a
 * local-folder remote: symbolic links are followed and loops refused, what rclone skips is
 * reported at the default verbosity, and a sync that would delete more than
 * {@code media.max-delete-percent} of the destination's files changes nothing unless forced.
 */
class MediaSafetyTest {
    @TempDir
    Path directory;

    private Sandbox sandbox;
    private Path media;
    private Path remoteMedia;
    private Path locked;

    @BeforeEach
    void setUp() throws IOException {
        sandbox = new Sandbox(directory);
        media = Files.createDirectories(directory.resolve("media"));
        remoteMedia = sandbox.remote().resolve("media");
        sandbox.writeConfig("media:\n  root: " + Sandbox.quoted(media.toString()));
    }

    @AfterEach
    void unlock() throws IOException {
        if (locked != null) {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void symlinkedFilesAndFoldersAreBackedUpAndRestored() throws IOException {
        Path outside = Files.createDirectories(directory.resolve("elsewhere/photos"));
        Files.writeString(outside.resolve("cat.jpg"), "cat");
        Files.writeString(directory.resolve("elsewhere/logo.png"), "logo");
        Files.writeString(media.resolve("plain.txt"), "plain");
        Files.createSymbolicLink(media.resolve("photos"), outside);
        Files.createSymbolicLink(media.resolve("logo.png"), directory.resolve("elsewhere/logo.png"));
        Cli cli = new Cli(sandbox);

        Outcome backup = cli.run("mediabackup");

        assertThat(backup.exitCode()).as(backup.toString()).isZero();
        assertThat(contents(remoteMedia))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("plain.txt", "plain", "logo.png", "logo", "photos/cat.jpg", "cat"));
        Path restored = Files.createDirectories(directory.resolve("restored"));
        sandbox.writeConfig("media:\n  root: " + Sandbox.quoted(restored.toString()));
        Outcome restore = cli.run("mediarestore");
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(contents(restored)).isEqualTo(contents(remoteMedia));
    }

    @Test
    void aSymlinkLoopIsRefusedBeforeAnythingIsCopied() throws IOException {
        Files.writeString(Files.createDirectories(media.resolve("albums")).resolve("a.jpg"), "a");
        Files.createSymbolicLink(media.resolve("albums/all"), media);

        Outcome outcome = new Cli(sandbox).run("mediabackup");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr())
                .contains("symbolic link loop", "'" + media.resolve("albums/all") + "'", "media.follow-symlinks");
        assertThat(sandbox.remoteFiles()).isEmpty();
    }

    @Test
    void whatRcloneSkipsIsReportedAtTheDefaultVerbosity() throws IOException, InterruptedException {
        Files.writeString(media.resolve("kept.txt"), "kept");
        Files.writeString(directory.resolve("target.txt"), "target");
        Files.createSymbolicLink(media.resolve("link.txt"), directory.resolve("target.txt"));
        Process mkfifo = new ProcessBuilder("mkfifo", media.resolve("pipe").toString())
                .inheritIO()
                .start();
        assertThat(mkfifo.waitFor()).isZero();
        sandbox.writeConfig("media:\n  root: " + Sandbox.quoted(media.toString()) + "\n  follow-symlinks: false");

        Outcome outcome = new Cli(sandbox).run("mediabackup");

        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(outcome.stderr())
                .contains(
                        "Warning: rclone: link.txt: Can't follow symlink without -L/--copy-links",
                        "Warning: rclone: pipe: Can't transfer non file/directory");
        assertThat(sandbox.remoteFiles()).containsExactly("media/kept.txt");
    }

    @Test
    void aStrayFileOnAnUnmountedMountPointDoesNotWipeTheRemoteCopy() throws IOException {
        Files.writeString(media.resolve(".keep"), "");
        for (int i = 1; i <= 30; i++) {
            Files.writeString(media.resolve("photo-" + i + ".jpg"), "photo " + i);
        }
        Cli cli = new Cli(sandbox);
        assertThat(cli.run("mediabackup").exitCode()).isZero();
        assertThat(sandbox.remoteFiles()).hasSize(31);
        clear(media);
        Files.writeString(media.resolve(".keep"), "");

        Outcome refused = cli.run("mediabackup");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.stderr())
                .contains(
                        "mediabackup would delete 30 of the 31 files in " + remoteMedia,
                        "media.max-delete-percent (50%)",
                        "nothing was changed",
                        "--force");
        assertThat(sandbox.remoteFiles()).hasSize(31);

        Outcome dryRun = cli.run("mediabackup", "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.stdout())
                .contains("photo-7.jpg: Skipped delete as --dry-run is set")
                .contains("Dry run of the media backup: nothing was changed.")
                .doesNotContain("Media backup completed.");
        assertThat(dryRun.stderr()).contains("would delete 30 of the 31 files", "refuses unless --force");
        assertThat(sandbox.remoteFiles()).hasSize(31);

        Outcome forced = cli.run("mediabackup", "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(sandbox.remoteFiles()).containsExactly("media/.keep");
    }

    @Test
    void mediarestoreFromANearlyEmptyRemoteDoesNotWipeTheMediaFolder() throws IOException {
        Files.createDirectories(remoteMedia);
        Files.writeString(remoteMedia.resolve(".keep"), "");
        for (int i = 1; i <= 20; i++) {
            Files.writeString(media.resolve("upload-" + i + ".pdf"), "upload " + i);
        }
        Cli cli = new Cli(sandbox);

        Outcome refused = cli.run("mediarestore");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.stderr()).contains("mediarestore would delete 20 of the 20 files in " + media);
        assertThat(contents(media)).hasSize(20).doesNotContainKey(".keep");

        Outcome copy = cli.run("mediarestore", "--copy");
        assertThat(copy.exitCode()).as(copy.toString()).isZero();
        assertThat(contents(media)).hasSize(21);

        sandbox.writeConfig("media:\n  root: " + Sandbox.quoted(media.toString()) + "\n  max-delete-percent: 100");
        Outcome allowed = cli.run("mediarestore");
        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
        assertThat(contents(media)).containsOnlyKeys(".keep");
    }

    @Test
    void theDeletionLimitComesFromTheEnvironmentToo() throws IOException {
        for (int i = 1; i <= 4; i++) {
            Files.writeString(media.resolve("f" + i), "f" + i);
        }
        Cli cli = new Cli(sandbox);
        assertThat(cli.run("mediabackup").exitCode()).isZero();
        Files.delete(media.resolve("f1"));

        Outcome refused = cli.withEnvironment(Map.of("RCLONE_BACKUP_MEDIA_MAX_DELETE_PERCENT", "0"))
                .run("mediabackup");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.stderr()).contains("would delete 1 of the 4 files", "media.max-delete-percent (0%)");
        assertThat(sandbox.remoteFiles()).hasSize(4);
        assertThat(cli.run("mediabackup").exitCode())
                .as("one of four is within the default 50%")
                .isZero();
        assertThat(sandbox.remoteFiles()).hasSize(3);
    }

    @Test
    void anUnreadableMediaSubfolderIsNamedWithWhatHappened() throws IOException {
        locked = Files.createDirectories(media.resolve("private"));
        Files.writeString(locked.resolve("secret.txt"), "s");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));

        Outcome outcome = new Cli(sandbox).boundByFilePermissions().run("mediabackup");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr().strip())
                .isEqualTo(
                        "Error: Cannot read '" + locked + "' in the media folder '" + media + "': permission denied.");
        assertThat(sandbox.remoteFiles()).isEmpty();
    }

    @Test
    void sizesTheRemoteDoesNotKnowAreListedAsADash() throws IOException {
        Files.writeString(media.resolve("photo.jpg"), "photo");
        Path database = Files.writeString(directory.resolve("app.sqlite3"), "");
        Files.createDirectories(sandbox.dbFolder());
        Files.writeString(sandbox.dbFolder().resolve("default-2024-01-15-120000.sqlite3"), "CREATE TABLE t(x);");
        String media = "media:\n  root: " + Sandbox.quoted(this.media.toString()) + "\n";
        sandbox.writeConfig(media + Sandbox.sqliteDatabase(database));
        assertThat(new Cli(sandbox).run("mediabackup").exitCode()).isZero();
        // Real rclone whose listings report every size as unknown, as some backends do (-1).
        Path unknownSizes = Sandbox.script(
                directory.resolve("rclone-unknown-sizes"),
                String.join(
                        "\n",
                        "if [ \"$1\" = lsjson ]; then",
                        "  " + RcloneFixture.binary() + " \"$@\" | sed 's/\"Size\":[0-9]*/\"Size\":-1/g'",
                        "  exit 0",
                        "fi",
                        "exec " + RcloneFixture.binary() + " \"$@\""));
        sandbox.rcloneBinary(unknownSizes.toString()).writeConfig(media + Sandbox.sqliteDatabase(database));
        Cli cli = new Cli(sandbox);

        Outcome backups = cli.run("listbackups");
        Outcome mediaListing = cli.run("listbackups", "--media");

        assertThat(backups.exitCode()).as(backups.toString()).isZero();
        assertThat(mediaListing.exitCode()).as(mediaListing.toString()).isZero();
        assertThat(backups.stdout() + mediaListing.stdout()).doesNotContain("-1 B");
        assertThat(backups.stdout()).containsPattern("default-2024-01-15-120000\\.sqlite3 +- +2");
        assertThat(mediaListing.stdout()).containsPattern("photo\\.jpg +-\\n");
    }

    private static void clear(Path folder) throws IOException {
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : paths.toList()) {
                Files.delete(path);
            }
        }
    }

    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return contents;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                contents.put(folder.relativize(file).toString(), Files.readString(file));
            }
        }
        return contents;
    }
}
