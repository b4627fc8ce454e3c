package dev.rclonebackup.spring;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.Supplier;

/**
 * One Micrometer {@link Observation} named {@value #NAME} per operation, with the low-cardinality
 * key values {@code operation} and {@code database}; a failed operation is the observation's error.
 * With Spring Boot's tracing it is a span; with its metrics, a timer of that name.
 */
public class ObservationOperationObserver implements OperationObserver {
    /** The observation's name. */
    public static final String NAME = "rclone.backup.operation";

    private final ObservationRegistry registry;

    public ObservationOperationObserver(ObservationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public <T> T observe(String operation, String database, Supplier<T> call) {
        return Observation.createNotStarted(NAME, registry)
                .contextualName("rclone-backup " + operation)
                .lowCardinalityKeyValue("operation", operation)
                .lowCardinalityKeyValue("database", database)
                .observe(call);
    }
}
