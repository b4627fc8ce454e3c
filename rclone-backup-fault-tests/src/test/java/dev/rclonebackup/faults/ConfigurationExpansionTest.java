package dev.rclonebackup.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ${VAR:-default}} in rclone-backup.yml, with a default that refers to other variables. */
class ConfigurationExpansionTest {
    @TempDir
    Path directory;

    @Test
    void aDefaultHoldingAVariableIsExpandedNotTakenLiterally() {
        Sandbox sandbox = new Sandbox(directory);
        SqliteDatabase sqlite = SqliteDatabase.withRows(directory.resolve("app.sqlite3"), 10);
        sandbox.writeConfig("db:\n  backup-dir: \"${DB_DIR:-${SITE}/db}\"\n" + Sandbox.sqliteDatabase(sqlite.file()));
        Cli cli = new Cli(sandbox).withEnvironment(Map.of("SITE", "site-1"));

        Outcome backup = cli.run("dbbackup");
        Outcome listing = cli.run("listbackups");

        assertThat(backup.exitCode()).as(backup.toString()).isZero();
        assertThat(backup.stdout()).contains("Backup completed: site-1/db/default-");
        assertThat(sandbox.remoteFiles()).singleElement().asString().startsWith("site-1/db/default-");
        assertThat(listing.stdout()).contains("default-");
    }
}
