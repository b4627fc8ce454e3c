package dev.rclonebackup.spring;

import java.util.function.Supplier;

/**
 * Wraps each operation run through {@link RcloneBackupOperations}, e.g. in a Micrometer
 * {@code Observation} (see {@link ObservationOperationObserver}).
 */
public interface OperationObserver {

    /** Runs the operation as it is. */
    OperationObserver NONE = new OperationObserver() {
        @Override
        public <T> T observe(String operation, String database, Supplier<T> call) {
            return call.get();
        }
    };

    /**
     * Runs {@code call}, the operation {@code operation} ({@code db-backup} …) of {@code database}.
     *
     * @param database the database alias, {@code none} for media operations, {@code all} for a run
     *                 over every database
     */
    <T> T observe(String operation, String database, Supplier<T> call);
}
