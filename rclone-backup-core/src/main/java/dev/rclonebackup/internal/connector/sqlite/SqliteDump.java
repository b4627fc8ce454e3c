package dev.rclonebackup.internal.connector.sqlite;

import dev.rclonebackup.connector.Dump;
import dev.rclonebackup.connector.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One {@code sqlite3} run that writes a complete backup of the file to its standard output:
 *
 * <ol>
 *   <li>{@code .timeout}: a database another connection is writing to is waited for, up to the
 *       busy timeout, instead of failing at once;</li>
 *   <li>{@code BEGIN} and a first read: the dump runs in one read transaction, and a database
 *       that stays locked or cannot be opened (a WAL database in a folder the account cannot
 *       write) makes sqlite3 exit non-zero with its own message before anything is dumped;</li>
 *   <li>{@code .dump};</li>
 *   <li>the header fields {@code .dump} leaves out, as statements after its {@code COMMIT}:
 *       {@code PRAGMA user_version} and {@code application_id} when not 0, and
 *       {@code PRAGMA journal_mode=wal} for a WAL database. They come after the data so that a
 *       backup cut before its {@code COMMIT} still restores nothing at all.</li>
 * </ol>
 *
 * <p>What {@code .dump} meets later (a damaged page, an I/O error) it reports only inside the
 * dump, ending it with {@code ROLLBACK; -- due to errors}, and still exits 0: the
 * {@link #tailCheck()} reads that end.
 */
final class SqliteDump implements Dump {
    private static final String HEADER_FIELDS = String.join(
            " ",
            "SELECT 'PRAGMA user_version=' || user_version || ';' FROM pragma_user_version WHERE user_version <> 0;",
            "SELECT 'PRAGMA application_id=' || application_id || ';' FROM pragma_application_id"
                    + " WHERE application_id <> 0;",
            "SELECT 'PRAGMA journal_mode=wal;' FROM pragma_journal_mode WHERE journal_mode = 'wal';");

    private final List<String> argv;

    SqliteDump(Path file, List<String> extraArguments, Duration busyTimeout) {
        List<String> command = new ArrayList<>(List.of("sqlite3", "-bail", "-cmd", ".timeout " + millis(busyTimeout)));
        command.addAll(extraArguments);
        command.add(file.toString());
        command.addAll(List.of(
                "BEGIN;",
                "SELECT 1 FROM sqlite_master LIMIT 0;",
                ".dump",
                ".mode list",
                ".headers off",
                HEADER_FIELDS,
                "COMMIT;"));
        this.argv = List.copyOf(command);
    }

    @Override
    public Step step() {
        return Step.command(argv, SqliteConnector.PACKAGE);
    }

    @Override
    public Optional<TailCheck> tailCheck() {
        return Optional.of(new SqliteDumpEnding());
    }

    private static long millis(Duration timeout) {
        return Math.min(timeout.toMillis(), Integer.MAX_VALUE);
    }
}
