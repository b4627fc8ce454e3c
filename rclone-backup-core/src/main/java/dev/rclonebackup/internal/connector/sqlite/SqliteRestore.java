package dev.rclonebackup.internal.connector.sqlite;

import dev.rclonebackup.Reporter;
import dev.rclonebackup.connector.Restore;
import dev.rclonebackup.connector.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Restores an SQLite database through a temporary file in the database's own folder: on the
 * same file system, so that {@link #commit()} can replace the live file with one atomic rename,
 * and readers see either the old database or the new one, never a half-restored one.
 *
 * <p>The old database's {@code -wal}, {@code -shm} and {@code -journal} files go with it: SQLite
 * would otherwise replay the old write-ahead log or roll back the old journal into the restored
 * file, corrupting it or bringing back rows the backup does not have.
 */
final class SqliteRestore implements Restore {
    /** The files SQLite keeps beside a database, named by adding these to its name. */
    static final List<String> COMPANIONS = List.of("-wal", "-shm", "-journal");

    private final Path database;
    private final Path temporary;
    private final List<String> extraArguments;

    SqliteRestore(Path database, List<String> extraArguments) {
        this.database = database;
        this.temporary = database.resolveSibling("." + database.getFileName() + ".restore-" + UUID.randomUUID());
        this.extraArguments = List.copyOf(extraArguments);
    }

    /**
     * Warns when the database looks open in another program, then creates the empty temporary
     * database file, readable by its owner only until it is committed.
     */
    @Override
    public void prepare(Reporter reporter) throws IOException {
        Optional<String> openElsewhere = openElsewhere();
        if (openElsewhere.isPresent()) {
            reporter.warning(openElsewhere.get());
        }
        try {
            Files.createFile(
                    temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            throw new IOException("Cannot create a temporary file beside SQLite database " + database + ": " + e, e);
        }
    }

    /**
     * Whether the database shows signs of being open in another program: SQLite keeps a
     * {@code -wal} and {@code -shm} beside a WAL database for as long as any connection has it
     * open, and a {@code -journal} while a transaction writes in rollback mode; either is also
     * left by a program that ended without closing the database. (Not a lock test: closing any
     * descriptor of the file drops every POSIX lock this process holds on it, including those of
     * an SQLite connection in the same JVM.)
     */
    private Optional<String> openElsewhere() {
        for (String suffix : COMPANIONS) {
            Path companion = companion(database, suffix);
            if (Files.exists(companion, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(
                        "SQLite database " + database + " has a " + companion.getFileName() + " file beside it:"
                                + " a program has it open, or stopped without closing it. Stop the application before"
                                + " restoring; connections left open keep using the old database.");
            }
        }
        return Optional.empty();
    }

    /**
     * {@code sqlite3 -bail -safe TEMPORARY}, reading SQL from standard input and stopping at the
     * first error. Safe mode refuses the shell's own commands that reach beyond the database
     * ({@code .shell}, {@code .system}, file access), so a tampered backup cannot run programs.
     */
    @Override
    public Step step() {
        List<String> argv = new ArrayList<>(List.of("sqlite3", "-bail", "-safe"));
        argv.addAll(extraArguments);
        argv.add(temporary.toString());
        return Step.command(argv, SqliteConnector.PACKAGE);
    }

    /**
     * Gives the restored file the live file's permissions and owner, then renames it over the live
     * file. An empty result is refused: sqlite3 silently rolls back a dump cut short before its
     * final {@code COMMIT} and still exits 0, which would otherwise replace the data with nothing.
     * (A backup of a database without any table is refused too; it looks the same.)
     *
     * <p>The old database's companion files are first renamed to hidden names, then the restored
     * file is renamed over the database, then the set-aside files are deleted. Whenever the
     * process stops, the database file is never paired with another file's log: before the swap
     * it is the old database (at worst without its companions, which are kept under the hidden
     * names), after it the restored one alone. When the swap itself fails, the companions are put
     * back.
     */
    @Override
    public void commit() throws IOException {
        if (Files.size(temporary) == 0) {
            throw new IOException("sqlite3 restored no committed data (the backup ends before its COMMIT, "
                    + "so it is cut short, or it holds an empty database); " + database + " was left unchanged");
        }
        if (Files.exists(database)) {
            copyAccess(database, temporary);
        }
        Map<Path, Path> setAside = setAsideCompanions();
        try {
            Files.move(temporary, database, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            putBack(setAside);
            if (e instanceof AtomicMoveNotSupportedException) {
                throw new IOException(
                        "Cannot atomically replace SQLite database " + database + ": " + e.getMessage(), e);
            }
            throw e;
        }
        for (Path old : setAside.values()) {
            deleteQuietly(old);
        }
    }

    /** Renames each companion file of the database that exists; returns them, original to hidden name. */
    private Map<Path, Path> setAsideCompanions() throws IOException {
        Map<Path, Path> moved = new LinkedHashMap<>();
        for (String suffix : COMPANIONS) {
            Path companion = companion(database, suffix);
            if (Files.exists(companion, LinkOption.NOFOLLOW_LINKS)) {
                Path hidden = temporary.resolveSibling(temporary.getFileName() + ".old" + suffix);
                try {
                    Files.move(companion, hidden, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    putBack(moved);
                    throw new IOException(
                            "Cannot move " + companion + " out of the way of the restored database: " + e, e);
                }
                moved.put(companion, hidden);
            }
        }
        return moved;
    }

    private static void putBack(Map<Path, Path> setAside) {
        for (Map.Entry<Path, Path> entry : setAside.entrySet()) {
            try {
                Files.move(entry.getValue(), entry.getKey(), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException ignored) {
                // Left under its hidden name, beside the untouched database; the error that
                // brought us here is what the caller reports.
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A hidden leftover is harmless: no SQLite database is named after it.
        }
    }

    static Path companion(Path database, String suffix) {
        return database.resolveSibling(database.getFileName() + suffix);
    }

    @Override
    public void abort() {
        deleteTemporary();
    }

    @Override
    public void close() {
        deleteTemporary();
    }

    /** Deletes the temporary file and the journal or log sqlite3 leaves beside it when it is killed. */
    private void deleteTemporary() {
        List<Path> files = new ArrayList<>(List.of(temporary));
        for (String suffix : COMPANIONS) {
            files.add(companion(temporary, suffix));
        }
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete the temporary restore file " + file + ": " + e, e);
            }
        }
    }

    private static void copyAccess(Path from, Path to) throws IOException {
        PosixFileAttributes live = Files.readAttributes(from, PosixFileAttributes.class);
        PosixFileAttributeView restored = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        restored.setPermissions(live.permissions());
        if (!live.owner().equals(Files.getOwner(to))
                || !live.group().equals(restored.readAttributes().group())) {
            try {
                restored.setOwner(live.owner());
                restored.setGroup(live.group());
            } catch (IOException notPermitted) {
                // Only root may give a file away. Otherwise we may still replace the live file,
                // since we can write its folder, and the restored file simply stays ours.
            }
        }
    }
}
