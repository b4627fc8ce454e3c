package dev.rclonebackup.connector;

import dev.rclonebackup.Reporter;
import java.io.IOException;
import java.util.Optional;

/**
 * How to restore one database. The core streams the backup into each {@link #nextInspection()},
 * calls {@link #prepare(Reporter)}, streams the backup into {@link #step()}, then {@link #commit()} when the step succeeded or {@link #abort()} when
 * anything failed or was interrupted, and finally {@link #close()} in every case.
 *
 * <p>Example: the SQLite connector restores into a temporary file in {@code prepare}/{@code step},
 * swaps it over the database in {@code commit}, and deletes it in {@code abort}.
 */
public interface Restore extends AutoCloseable {

    /**
     * The next command that reads the backup before {@link #prepare(Reporter)}, e.g. to list what
     * it holds into a file of the restore's own; it may stop reading early. The core streams the
     * backup into each in turn and asks for the next once the previous has finished, until this is
     * empty (the default: the restore needs no look at the backup beforehand).
     */
    default Optional<Step.Command> nextInspection() {
        return Optional.empty();
    }

    /** Runs before the stream starts (e.g. create a temporary file, create an extension). */
    default void prepare() throws IOException {}

    /** As {@link #prepare()}, with somewhere to report warnings; calls {@link #prepare()} by default. */
    default void prepare(Reporter reporter) throws IOException {
        prepare();
    }

    /**
     * Why the step failed, when the restore knows better than the tool's own last words (e.g. it
     * ended a step that waited too long for a lock); empty by default.
     */
    default Optional<String> failureExplanation() {
        return Optional.empty();
    }

    Step step();

    /** Runs after the step succeeded: make the restored data the live data. */
    default void commit() throws IOException {}

    /** Runs after a failure or an interrupt: leave the existing data as it was. */
    default void abort() {}

    @Override
    default void close() {}

    /** A restore with no preparation, commit or clean-up. */
    static Restore of(Step step) {
        return () -> step;
    }
}
