package dev.rclonebackup.internal.process;

import dev.rclonebackup.internal.secrets.Redactor;
import java.time.Duration;
import java.util.Objects;

/**
 * How a run is watched: the command line it reports is shown through {@code redactor}, and when
 * {@code stallTimeout} is not null, the run is ended once its processes have read or written
 * nothing for that long (a {@link StalledException}).
 *
 * @param redactor     hides credentials in the reported command line
 * @param stallTimeout how long the processes may move no data, or {@code null} for no limit
 */
public record Supervision(Redactor redactor, Duration stallTimeout) {
    /** No stall limit; command lines hide credentials by their position only. */
    public static final Supervision NONE = new Supervision(Redactor.POSITIONAL, null);

    public Supervision {
        Objects.requireNonNull(redactor, "redactor");
        if (stallTimeout != null && (stallTimeout.isZero() || stallTimeout.isNegative())) {
            throw new IllegalArgumentException("stallTimeout must be greater than zero");
        }
    }
}
