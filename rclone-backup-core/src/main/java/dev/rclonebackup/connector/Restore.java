package dev.rclonebackup.connector;

import java.io.IOException;
import java.util.List;

/**
 * How to restore one database. The core calls {@link #prepare()}, streams the backup into
 * {@link #step()}, then {@link #commit()} when the step succeeded or {@link #abort()} when
 * anything failed or was interrupted, and finally {@link #close()} in every case.
 *
 * <p>Example: the SQLite connector restores into a temporary file in {@code prepare}/{@code step},
 * swaps it over the database in {@code commit}, and deletes it in {@code abort}.
 */
public interface Restore extends AutoCloseable {

    /** Runs before the stream starts (e.g. create a temporary file, create an extension). */
    default void prepare() throws IOException {
    }

    Step step();

    /**
     * Cautions for the user, known once {@link #prepare()} has run, e.g. that the database seems
     * to be open in another program. They do not stop the restore.
     */
    default List<String> warnings() {
        return List.of();
    }

    /** Runs after the step succeeded: make the restored data the live data. */
    default void commit() throws IOException {
    }

    /** Runs after a failure or an interrupt: leave the existing data as it was. */
    default void abort() {
    }

    @Override
    default void close() {
    }

    /** A restore with no preparation, commit or clean-up. */
    static Restore of(Step step) {
        return () -> step;
    }
}
