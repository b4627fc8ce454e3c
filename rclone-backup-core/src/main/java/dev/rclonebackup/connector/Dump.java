package dev.rclonebackup.connector;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

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
    default void prepareDump() throws IOException {}

    Step step();

    /** What the person running the backup should know about it, learned in {@link #prepareDump()}. */
    default List<String> warnings() {
        return List.of();
    }

    /**
     * A check of the stored backup's last bytes, for dump tools that report some failures only
     * inside their output while exiting 0. The core reads the tail of the uploaded object (not
     * of the stream, which never passes through the JVM) before giving it its final name; a
     * problem makes the backup fail. Empty (the default) when the exit status says it all.
     */
    default Optional<TailCheck> tailCheck() {
        return Optional.empty();
    }

    @Override
    default void close() {}

    /** A dump with nothing to clean up. */
    static Dump of(Step step) {
        return () -> step;
    }

    /** Tells a complete dump from one the tool gave up on, by the end of what it wrote. */
    interface TailCheck {

        /** How many bytes at the end of the backup {@link #problem} needs to see, at most. */
        int length();

        /**
         * Why the dump is not a complete backup, in the tool's own words where it gave any; empty
         * when it is complete.
         *
         * @param tail the last {@link #length()} bytes of the backup, or all of it when shorter
         */
        Optional<String> problem(byte[] tail);
    }
}
