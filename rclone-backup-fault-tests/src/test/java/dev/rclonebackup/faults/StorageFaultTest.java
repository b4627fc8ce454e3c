package dev.rclonebackup.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.testing.RcloneFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guarantee 3: storage that refuses writes, fills up mid-upload, or does not hold the backup
 * asked for gives a clear message and exit status 1, and leaves nothing half-written behind.
 */
class StorageFaultTest {
    private static final int ROWS = 20_000;

    @TempDir
    Path directory;

    private final Mounts mounts = new Mounts();
    private Sandbox sandbox;
    private Cli cli;
    private SqliteDatabase sqlite;

    @BeforeEach
    void setUp() {
        sandbox = new Sandbox(directory);
        cli = new Cli(sandbox);
        sqlite = SqliteDatabase.withRows(directory.resolve("app.sqlite3"), ROWS);
        sandbox.writeConfig(Sandbox.sqliteDatabase(sqlite.file()));
    }

    @AfterEach
    void unmount() {
        mounts.close();
    }

    /** A read-only file system under the remote (root ignores permissions), else a folder without write permission. */
    @Test
    void unwritableRemoteFolderFailsWithRclonesReason() throws IOException {
        boolean readOnlyMount = mounts.tmpfs(sandbox.remote(), "ro,size=64k");
        if (!readOnlyMount) {
            Files.setPosixFilePermissions(sandbox.remote(), PosixFilePermissions.fromString("r-xr-xr-x"));
        }

        Outcome outcome = cli.run("dbbackup");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr())
                .containsPattern(
                        "Backup of database 'default' to db/default-\\S+\\.sqlite3 failed: \\S*rclone\\S* exited with status \\d")
                .contains(readOnlyMount ? "read-only file system" : "permission denied")
                .doesNotContain("Exception");
        assertThat(sandbox.remoteFiles()).isEmpty();
    }

    /** A 256 KB tmpfs as the remote where the machine allows mounting, else a fake rclone failing as a full disk does. */
    @Test
    void remoteThatFillsUpMidUploadFailsAndLeavesNothing() {
        if (!mounts.tmpfs(sandbox.remote(), "size=256k")) {
            useRcloneFailingAfter(256 * 1024);
        }

        Outcome outcome = cli.run("dbbackup");

        assertFullRemoteFailure(outcome);
    }

    /** The fallback of the test above, run everywhere: the first 200 KB really reach the remote, then rclone fails. */
    @Test
    void rcloneFailingAfterSomeBytesFailsAndLeavesNothing() {
        useRcloneFailingAfter(200 * 1024);

        Outcome outcome = cli.run("dbbackup");

        assertFullRemoteFailure(outcome);
    }

    @Test
    void restoreOfABackupThatIsNotOnTheRemoteFailsAndChangesNothing() throws IOException {
        String before = sqlite.content();

        Outcome outcome = cli.run("dbrestore", "--noinput", "--input-path", "default-2024-01-15-120000.sqlite3");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr())
                .contains("No backup db/default-2024-01-15-120000.sqlite3 found on " + sandbox.remote());
        assertUntouched(before);
    }

    @Test
    void restoreFromARemoteFolderThatDoesNotExistFailsAndChangesNothing() throws IOException {
        String before = sqlite.content();
        sandbox.writeRawConfig(
                "remote: " + Sandbox.quoted(directory.resolve("no-such-folder").toString()) + "\n"
                        + Sandbox.sqliteDatabase(sqlite.file()) + "\n");

        Outcome outcome = cli.run("dbrestore", "--noinput");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("No backups found for database 'default'");
        assertThat(Files.exists(directory.resolve("no-such-folder")))
                .as("nothing created on the remote")
                .isFalse();
        assertUntouched(before);
    }

    @Test
    void restoreFromARemoteThatIsNotConfiguredFailsNamingIt() throws IOException {
        String before = sqlite.content();
        sandbox.writeRawConfig("remote: \"nosuchremote:backups\"\nrclone:\n  config: "
                + Sandbox.quoted(directory.resolve("rclone.conf").toString()) + "\n"
                + Sandbox.sqliteDatabase(sqlite.file()) + "\n");

        Outcome outcome = cli.run("dbrestore", "--noinput");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr())
                .contains("rclone lsjson nosuchremote:backups/db")
                .contains("nosuchremote");
        assertUntouched(before);
    }

    @Test
    void checkOfARemoteThatCannotBeReachedFailsEveryDatabaseWithRclonesReason() {
        sandbox.writeRawConfig("remote: \"nosuchremote:backups\"\nrclone:\n  config: "
                + Sandbox.quoted(directory.resolve("rclone.conf").toString()) + "\n"
                + Sandbox.sqliteDatabase(sqlite.file()) + "\n");

        Outcome outcome = cli.run("check");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stdout())
                .startsWith("FAILED default: cannot list the backups: ")
                .contains("rclone lsjson nosuchremote:backups/db")
                .contains("nosuchremote");
        assertThat(outcome.stderr())
                .contains("Check failed for 1 of 1 databases: default")
                .doesNotContain("Exception");
    }

    @Test
    void checkWithoutAnRcloneBinaryFailsNamingIt() {
        sandbox.rcloneBinary(directory.resolve("no-such-rclone").toString())
                .writeConfig(Sandbox.sqliteDatabase(sqlite.file()));

        Outcome outcome = cli.run("check", "--json");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stdout())
                .contains("\"ok\" : false")
                .contains("rclone not found at '" + directory.resolve("no-such-rclone") + "'");
        assertThat(outcome.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void backupFailingBeforeItsUploadStartsSaysNothingAboutAPartialUpload() {
        sandbox.writeConfig(Sandbox.sqliteDatabase(directory.resolve("missing.sqlite3")));

        Outcome outcome = cli.run("dbbackup", "-v", "2");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("missing.sqlite3").contains("does not exist");
        assertThat(outcome.output()).doesNotContain("partial").doesNotContain("doesn't exist");
        assertThat(sandbox.remoteFiles()).isEmpty();
    }

    /** Five backups that cleanup-keep 1 would thin out, in a folder that cannot be changed. */
    @Test
    void cleanupOfAReadOnlyRemoteFailsWithRclonesReasonAndDeletesNothing() throws IOException {
        Path db = Files.createDirectories(sandbox.remote().resolve("db"));
        for (int day = 1; day <= 5; day++) {
            Files.writeString(db.resolve("default-2026-01-0" + day + "-030000.sqlite3"), "backup " + day);
        }
        List<String> before = sandbox.remoteFiles();
        if (!mounts.readOnly(db)) {
            Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        sandbox.writeConfig("db:\n  cleanup-keep: 1\n" + Sandbox.sqliteDatabase(sqlite.file()));

        Outcome outcome = cli.run("cleanup");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr())
                .contains("rclone delete")
                .contains("failed to delete 4 files")
                .doesNotContain("Exception");
        assertThat(sandbox.remoteFiles()).isEqualTo(before);
    }

    /** An rclone whose listing fails as an unreachable server does; nothing may be deleted then. */
    @Test
    void cleanupOfARemoteThatCannotBeListedDeletesNothing() throws IOException {
        Path db = Files.createDirectories(sandbox.remote().resolve("db"));
        for (int day = 1; day <= 5; day++) {
            Files.writeString(db.resolve("default-2026-01-0" + day + "-030000.sqlite3"), "backup " + day);
        }
        List<String> before = sandbox.remoteFiles();
        Path calls = directory.resolve("rclone-calls");
        Path wrapper = Sandbox.script(
                directory.resolve("rclone-unreachable"),
                String.join(
                        "\n",
                        "echo \"$1\" >> '" + calls + "'",
                        "if [ \"$1\" = lsjson ]; then",
                        "  echo 'ERROR : Failed to lsjson: dial tcp 127.0.0.1:22: connect: connection refused' >&2",
                        "  exit 1",
                        "fi",
                        "exec '" + RcloneFixture.binary() + "' \"$@\""));
        sandbox.rcloneBinary(wrapper.toString())
                .writeConfig("db:\n  cleanup-keep: 1\n" + Sandbox.sqliteDatabase(sqlite.file()));

        Outcome outcome = cli.run("cleanup");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("connection refused").doesNotContain("Exception");
        assertThat(outcome.output()).doesNotContain("Removing");
        assertThat(sandbox.remoteFiles()).isEqualTo(before);
        assertThat(Files.readAllLines(calls)).containsExactly("lsjson");
    }

    private void useRcloneFailingAfter(int bytes) {
        Path wrapper = Sandbox.script(
                directory.resolve("rclone-filling-up"),
                String.join(
                        "\n",
                        "if [ \"$1\" = rcat ]; then",
                        "  head -c " + bytes + " | '" + RcloneFixture.binary() + "' \"$@\"",
                        "  echo 'ERROR : Failed to rcat: write: no space left on device' >&2",
                        "  exit 1",
                        "fi",
                        "exec '" + RcloneFixture.binary() + "' \"$@\""));
        sandbox.rcloneBinary(wrapper.toString()).writeConfig(Sandbox.sqliteDatabase(sqlite.file()));
    }

    private void assertFullRemoteFailure(Outcome outcome) {
        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr())
                .containsPattern(
                        "Backup of database 'default' to db/default-\\S+\\.sqlite3 failed: \\S*rclone\\S* exited with status \\d")
                .contains("no space left on device")
                .doesNotContain("Exception");
        assertThat(sandbox.remoteFiles()).isEmpty();
    }

    private void assertUntouched(String before) throws IOException {
        assertThat(sqlite.content()).isEqualTo(before);
        try (Stream<Path> files = Files.list(directory)) {
            List<String> names =
                    files.map(file -> file.getFileName().toString()).toList();
            assertThat(names).noneMatch(name -> name.contains(".restore-"));
        }
    }
}
