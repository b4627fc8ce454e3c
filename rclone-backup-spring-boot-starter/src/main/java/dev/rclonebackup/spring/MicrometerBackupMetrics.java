package dev.rclonebackup.spring;

import dev.rclonebackup.BackupFile;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Micrometer meters, tagged with {@code operation} and {@code database} ({@code none} for the media
 * operations, so that every meter of a name has the same tags):
 * {@code rclone.backup.duration} (timer, also tagged {@code outcome}), {@code rclone.backup.size}
 * (bytes stored by database backups), {@code rclone.backup.failures} (counter) and
 * {@code rclone.backup.last.success} (gauge, epoch seconds of the last success; for database
 * backups first the newest backup's time on the remote, see {@link #initialiseLastSuccess}).
 */
public class MicrometerBackupMetrics implements BackupMetrics {
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<Tags, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    public MicrometerBackupMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void success(String operation, String database, Duration duration, long size) {
        Tags tags = Tags.of("operation", operation, "database", database);
        timer(tags, "success").record(duration);
        if (size >= 0) {
            DistributionSummary.builder("rclone.backup.size")
                    .baseUnit("bytes")
                    .description("Size of the stored backups")
                    .tags(tags)
                    .register(registry)
                    .record(size);
        }
        lastSuccess
                .computeIfAbsent(tags, this::lastSuccessGauge)
                .set(clock.instant().getEpochSecond());
    }

    @Override
    public void failure(String operation, String database, Duration duration) {
        Tags tags = Tags.of("operation", operation, "database", database);
        timer(tags, "failure").record(duration);
        Counter.builder("rclone.backup.failures")
                .description("Failed backup operations")
                .tags(tags)
                .register(registry)
                .increment();
    }

    private Timer timer(Tags tags, String outcome) {
        return Timer.builder("rclone.backup.duration")
                .description("Duration of backup operations")
                .tags(tags)
                .tag("outcome", outcome)
                .register(registry);
    }

    /**
     * Sets each database's {@code db-backup} last-success gauge to the time of its newest backup in
     * {@code backups}, unless a later success was recorded meanwhile.
     */
    public void initialiseLastSuccess(List<BackupFile> backups) {
        for (BackupFile backup : backups) {
            if (backup.database() == null || backup.modified() == null) {
                continue;
            }
            Tags tags = Tags.of("operation", "db-backup", "database", backup.database());
            long modified = backup.modified().getEpochSecond();
            lastSuccess.computeIfAbsent(tags, this::lastSuccessGauge).accumulateAndGet(modified, Math::max);
        }
    }

    private AtomicLong lastSuccessGauge(Tags tags) {
        AtomicLong epochSeconds = new AtomicLong();
        Gauge.builder("rclone.backup.last.success", epochSeconds, AtomicLong::get)
                .baseUnit("seconds")
                .description("Time of the last successful operation, in seconds since the epoch")
                .tags(tags)
                .strongReference(true)
                .register(registry);
        return epochSeconds;
    }
}
