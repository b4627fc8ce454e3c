package dev.rclonebackup.internal.process;

import java.io.IOException;
import java.time.Duration;

/** A run whose processes moved no data for its {@link Supervision#stallTimeout()}; they have been ended. */
public final class StalledException extends IOException {
    private static final long serialVersionUID = 1L;

    private final Duration quietFor;

    StalledException(Duration quietFor) {
        super("no data moved for " + shown(quietFor) + ", so it was ended");
        this.quietFor = quietFor;
    }

    /** {@code 10m}, {@code 90s} or {@code 1500ms}: the way durations are written in the settings. */
    static String shown(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** How long nothing moved before the run was ended. */
    public Duration quietFor() {
        return quietFor;
    }
}
