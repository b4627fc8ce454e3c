package dev.rclonebackup.internal.connector.h2;

import dev.rclonebackup.connector.Connector;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Dump;
import dev.rclonebackup.connector.Restore;
import dev.rclonebackup.connector.Step;
import dev.rclonebackup.connector.Verification;
import java.util.Optional;

/**
 * Backs up H2 databases inside the JVM through JDBC, with no external tool and no intermediate
 * file: the dump streams the rows of H2's {@code SCRIPT} statement (one SQL statement each) into
 * the upload, and the restore executes the downloaded script statement by statement, split by
 * H2's own script parser, the way {@code RUNSCRIPT} does. Backups ({@code .sql}) are plain H2
 * scripts that H2's {@code RUNSCRIPT FROM} can also run; like any H2 script they hold the
 * database users with their salted password hashes.
 *
 * <p>Databases: file databases ({@code jdbc:h2:file:…}, {@code jdbc:h2:./…}, {@code jdbc:h2:/…},
 * {@code jdbc:h2:~/…}) and server databases ({@code jdbc:h2:tcp://…}, {@code jdbc:h2:ssl://…}),
 * given as {@code url} or as {@code name} (the database file, without {@code .mv.db}) with an
 * optional {@code host}/{@code port}. In-memory databases ({@code jdbc:h2:mem:…}) are refused: they
 * live only inside the JVM that created them. A file database that an application keeps open is
 * locked by it; use H2's {@code AUTO_SERVER=TRUE} or a server. The dump never creates a missing
 * file database ({@code IFEXISTS=TRUE}); the restore does. Both need an administrator account.
 *
 * <p>Restore replaces the database's content: it runs {@code DROP ALL OBJECTS} (which also drops
 * the other users; the script recreates those it holds) and then the script, on one connection
 * without auto-commit, committing only when the whole stream was read and executed. H2 however
 * commits implicitly before and after every DDL statement ({@code DROP ALL OBJECTS},
 * {@code CREATE TABLE}, {@code ALTER TABLE}, {@code CREATE INDEX}, …), and a script is mostly DDL
 * with the inserts between, so a restore that fails part-way leaves a partly restored database;
 * running the restore again from an intact backup replaces it completely. Nothing is dropped when
 * the connection cannot be opened or the stream delivers no statement at all.
 *
 * <p>H2 builds the {@code SCRIPT} result itself and may keep a large one in its own temporary
 * storage. The H2 driver ({@code com.h2database:h2}) is an optional dependency: without it on the
 * classpath both operations fail with an error saying so. The password is passed to the driver
 * only, never logged.
 */
public final class H2Connector implements Connector {

    @Override
    public String id() {
        return "h2";
    }

    @Override
    public String extension() {
        return "sql";
    }

    @Override
    public Dump dump(Database database) {
        String url = H2Url.of(database);
        H2Driver.require(H2Connector.class.getClassLoader());
        return Dump.of(new Step.Writer("h2", new H2ScriptDump(database, url)));
    }

    @Override
    public Restore restore(Database database) {
        String url = H2Url.of(database);
        H2Driver.require(H2Connector.class.getClassLoader());
        return new H2ScriptRestore(database, url);
    }

    /** Verifies in a new file database in a private temporary folder, with the configured credentials. */
    @Override
    public Optional<Verification> verification(Database database) {
        H2Url.of(database);
        H2Driver.require(H2Connector.class.getClassLoader());
        return Optional.of(new H2Verification(database));
    }
}
