package dev.rclonebackup.connector;

/**
 * How to dump one database: a {@link Step} whose output is the backup. {@link #close()} runs
 * after the stream has finished, in success and in failure, e.g. to delete a temporary option
 * file holding a password.
 */
public interface Dump extends AutoCloseable {

    Step step();

    @Override
    default void close() {
    }

    /** A dump with nothing to clean up. */
    static Dump of(Step step) {
        return () -> step;
    }
}
