package dev.rclonebackup.connector.sqlite;

import dev.rclonebackup.connector.Restore;
import dev.rclonebackup.connector.Step;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Restores an SQLite database through a temporary file in the database's own folder: on the
 * same file system, so that {@link #commit()} can replace the live file with one atomic rename,
 * and readers see either the old database or the new one, never a half-restored one.
 */
final class SqliteRestore implements Restore {
    private final Path database;
    private final Path temporary;
    private final List<String> extraArguments;

    SqliteRestore(Path database, List<String> extraArguments) {
        this.database = database;
        this.temporary = database.resolveSibling("." + database.getFileName() + ".restore-" + UUID.randomUUID());
        this.extraArguments = List.copyOf(extraArguments);
    }

    /** Creates the empty temporary database file, readable by its owner only until it is committed. */
    @Override
    public void prepare() throws IOException {
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            throw new IOException("Cannot create a temporary file beside SQLite database " + database + ": " + e, e);
        }
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
        try {
            Files.move(temporary, database, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("Cannot atomically replace SQLite database " + database + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void abort() {
        deleteTemporary();
    }

    @Override
    public void close() {
        deleteTemporary();
    }

    /** Deletes the temporary file and the rollback journal sqlite3 leaves beside it when it is killed. */
    private void deleteTemporary() {
        for (Path file : List.of(temporary, temporary.resolveSibling(temporary.getFileName() + "-journal"))) {
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
        if (!live.owner().equals(Files.getOwner(to)) || !live.group().equals(restored.readAttributes().group())) {
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
