package dev.rclonebackup.connector;

import java.io.IOException;
import java.util.List;

/**
 * How to dump one database: a {@link Step} whose output is the backup. {@link #close()} runs
 * after the stream has finished, in success and in failure, e.g. to delete a temporary option
 * file holding a password.
 */
public interface Dump extends AutoCloseable {

    /**
     * Runs before {@link #step()} is asked for, e.g. to find out what the account may dump. A
     * dump that was not prepared describes its most complete command.
     */
    default void prepareDump() throws IOException {
    }

    Step step();

    /** What the person running the backup should know about it, learned in {@link #prepareDump()}. */
    default List<String> warnings() {
        return List.of();
    }

    @Override
    default void close() {
    }

    /** A dump with nothing to clean up. */
    static Dump of(Step step) {
        return () -> step;
    }
}
