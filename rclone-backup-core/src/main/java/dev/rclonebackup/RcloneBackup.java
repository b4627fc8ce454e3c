package dev.rclonebackup;

import dev.rclonebackup.connector.Connector;
import dev.rclonebackup.internal.connector.ConnectorRegistry;
import dev.rclonebackup.internal.naming.FilenameTemplate;
import dev.rclonebackup.internal.notify.HttpNotifier;
import dev.rclonebackup.internal.operation.CheckOperation;
import dev.rclonebackup.internal.operation.Context;
import dev.rclonebackup.internal.operation.DbBackupOperation;
import dev.rclonebackup.internal.operation.DbRestoreOperation;
import dev.rclonebackup.internal.operation.DbVerifyOperation;
import dev.rclonebackup.internal.operation.Failures;
import dev.rclonebackup.internal.operation.HookRunner;
import dev.rclonebackup.internal.operation.ListOperations;
import dev.rclonebackup.internal.operation.Listeners;
import dev.rclonebackup.internal.operation.MediaOperations;
import dev.rclonebackup.internal.operation.Retention;
import dev.rclonebackup.internal.rclone.Rclone;
import dev.rclonebackup.internal.secrets.Redactor;
import dev.rclonebackup.settings.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Entry point of the Java API: one method per operation over one immutable configuration.
 *
 * <pre>{@code
 * RcloneBackup backups = RcloneBackup.configure()
 *         .settings(Settings.builder()
 *                 .remote("b2:my-bucket/app")
 *                 .database("default", DatabaseSettings.builder()
 *                         .url("jdbc:postgresql://127.0.0.1:5432/app")
 *                         .username("app").password(System.getenv("APP_DB_PASSWORD"))
 *                         .build())
 *                 .build())
 *         .load();
 * DbBackupResult result = backups.dbBackup("default", true);
 * }</pre>
 *
 * Every method throws {@link RcloneBackupException} on failure; its {@link ErrorCode} tells
 * configuration errors, failed operations and interrupts apart. Instances are thread-safe, but
 * two operations on the same database should not run at once.
 */
public final class RcloneBackup {
    private final Context context;
    private final HttpNotifier notifier;
    private final RunRecorder runs;

    private RcloneBackup(Context context, HttpNotifier notifier, RunRecorder runs) {
        this.context = context;
        this.notifier = notifier;
        this.runs = runs;
    }

    /** Starts a fluent configuration. */
    public static Builder configure() {
        return new Builder();
    }

    /** The settings this instance was built from. */
    public Settings settings() {
        return context.settings();
    }

    /**
     * Starts a run of {@code command} (e.g. {@code dbbackup}) on this thread and sends the
     * {@code notify.start-url} notification. The operations called on this thread until the run's
     * {@link CommandRun#succeeded()} or {@link CommandRun#failed} belong to it; that call sends the
     * success or failure notification, listing every database and path they named. A notification
     * that fails or takes longer than {@code notify.timeout} is a warning, never an exception.
     *
     * @param databases the databases the run is about, as far as known before it starts (may be empty)
     */
    public CommandRun startRun(String command, Collection<String> databases) {
        CommandRun run = new CommandRun(command, databases, notifier, context.clock(), runs::detach);
        runs.attach(run);
        run.start();
        return run;
    }

    /**
     * Dumps {@code database} straight into the remote ({@code db/NAME}); with {@code clean}, then
     * applies the retention policy to that database (see {@link #cleanup}).
     */
    public DbBackupResult dbBackup(String database, boolean clean) {
        return call(() -> new DbBackupOperation(context).run(database, clean));
    }

    /**
     * Backs up each of {@code databases} in turn, as {@link #dbBackup(String, boolean)} does (its
     * events, hooks and lines for each), naming each database once however often it is listed. A
     * database whose backup fails is reported to the reporter's {@link Reporter#failure} and does not
     * stop the others; with {@code clean}, each database is cleaned up after its own successful backup.
     *
     * @return each database's result or failure, in the order they ran
     * @throws ConfigurationException before anything runs, when a database is not configured or its
     *         entry or connector cannot be resolved
     * @throws RcloneBackupException  with {@link ErrorCode#INTERRUPTED} when interrupted; the databases
     *         after the one running then are not backed up
     */
    public DbBackupsResult dbBackup(List<String> databases, boolean clean) {
        List<String> aliases = resolvable(databases);
        List<DbBackupsResult.Outcome> outcomes = new ArrayList<>();
        for (String alias : aliases) {
            stopIfInterrupted();
            long started = System.nanoTime();
            try {
                DbBackupResult result = dbBackup(alias, clean);
                outcomes.add(new DbBackupsResult.Outcome(alias, result, null, since(started)));
            } catch (RuntimeException e) {
                RcloneBackupException failure = asFailure(alias, e);
                if (failure.errorCode() == ErrorCode.INTERRUPTED) {
                    throw failure;
                }
                stopIfInterrupted();
                context.reporter().failure(failure.getMessage());
                outcomes.add(new DbBackupsResult.Outcome(alias, null, failure, since(started)));
            }
        }
        return new DbBackupsResult(outcomes);
    }

    /** {@link #dbBackup(List, boolean)} of every configured database, in configuration order. */
    public DbBackupsResult dbBackupAll(boolean clean) {
        return dbBackup(List.copyOf(settings().databases().keySet()), clean);
    }

    /**
     * Restores {@code database} (may be null when exactly one database is configured) from
     * {@code inputPath} (relative to {@code db.backup-dir}; null for the newest backup of that
     * database), after {@code confirmation} agreed.
     */
    public DbRestoreResult dbRestore(String database, String inputPath, RestoreConfirmation confirmation) {
        return dbRestore(new DbRestoreOptions(database, null, inputPath), confirmation);
    }

    /**
     * Restores {@code options.database()} from a backup, after {@code confirmation} agreed; with
     * {@code options.from()}, from a backup of that other database (e.g. production's into staging),
     * which must use the same connector. Everything is checked before the confirmation is asked.
     */
    public DbRestoreResult dbRestore(DbRestoreOptions options, RestoreConfirmation confirmation) {
        return call(() -> new DbRestoreOperation(context).run(options, confirmation));
    }

    /**
     * Restores {@code database}'s backup {@code inputPath} (null for the newest) into a scratch
     * database or file, counts its tables and rows, and removes the scratch target again; the
     * configured database is never written to.
     *
     * @throws RcloneBackupException {@link ErrorCode#USAGE} when the database's connector cannot
     *                               verify, {@link ErrorCode#OPERATION_FAILED} when the backup does
     *                               not restore
     */
    public DbVerifyResult dbVerify(String database, String inputPath) {
        return call(() -> new DbVerifyOperation(context).run(database, inputPath));
    }

    /** Mirrors {@code media.root} to the remote's media folder. */
    public MediaResult mediaBackup(MediaBackupOptions options) {
        return call(() -> new MediaOperations(context).backup(options));
    }

    /** Mirrors the remote's media folder back to {@code media.root}. */
    public MediaResult mediaRestore(MediaRestoreOptions options) {
        return call(() -> new MediaOperations(context).restore(options));
    }

    /** Database backups on the remote, newest first; only those of {@code database} unless null. */
    public List<BackupFile> listBackups(String database) {
        return call(() -> new ListOperations(context).backups(database));
    }

    /**
     * Applies the retention policy ({@code db.retention}, or keep-last {@code db.cleanup-keep}) to
     * the backups of {@code databases} without making a backup, and removes their partial uploads
     * older than a day; all deletions are one rclone call, made only after the whole backup folder
     * was listed.
     *
     * @param databases the aliases to clean up; null or empty for every configured database
     * @param dryRun    only report what would be removed
     * @throws dev.rclonebackup.ConfigurationException when an alias is not configured, before
     *                                                 anything is listed or deleted
     */
    public CleanupResult cleanup(List<String> databases, boolean dryRun) {
        List<String> aliases = databases == null || databases.isEmpty()
                ? List.copyOf(context.settings().databases().keySet())
                : List.copyOf(new LinkedHashSet<>(databases));
        if (aliases.isEmpty()) {
            throw new ConfigurationException(
                    "No database is configured under databases: there is nothing to clean up.");
        }
        aliases.forEach(context.connectors()::requireConfigured);
        return call(() -> new Retention(context).cleanup(aliases, dryRun));
    }

    /** The media copy on the remote. */
    public MediaListing listMedia() {
        return call(() -> new ListOperations(context).media());
    }

    /**
     * Checks that the newest backup of each of {@code databases} (every configured database when
     * empty) exists, is at most {@code maxAge} old (null: {@code check.max-age}), is not empty and,
     * with {@code check.min-size-ratio}, is not much smaller than the previous one. A remote that
     * cannot be listed fails every database rather than throwing.
     *
     * @return one result per database, in the order asked for (else configuration order)
     * @throws ConfigurationException when a database is not configured or none is
     */
    public List<CheckResult> check(List<String> databases, Duration maxAge) {
        return call(() -> new CheckOperation(context).run(databases, maxAge));
    }

    /** The aliases once each, in order, after checking that every one resolves to a database and a connector. */
    private List<String> resolvable(List<String> databases) {
        if (databases.isEmpty()) {
            if (settings().databases().isEmpty()) {
                throw new ConfigurationException("No databases are configured; add one under 'databases'");
            }
            throw new RcloneBackupException(ErrorCode.USAGE, "No database to back up was named");
        }
        List<String> aliases = List.copyOf(new LinkedHashSet<>(databases));
        for (String alias : aliases) {
            context.connectors().connectorFor(context.connectors().database(alias));
        }
        return aliases;
    }

    private static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            call(() -> {
                throw new InterruptedException();
            });
        }
    }

    private static RcloneBackupException asFailure(String alias, RuntimeException e) {
        if (e instanceof RcloneBackupException failure) {
            return failure;
        }
        return new RcloneBackupException(
                ErrorCode.OPERATION_FAILED,
                "Backup of database '" + alias + "' failed: unexpected "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                e);
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private interface Operation<T> {
        T run() throws IOException, InterruptedException;
    }

    private static <T> T call(Operation<T> operation) {
        try {
            return operation.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RcloneBackupException(ErrorCode.INTERRUPTED, Failures.INTERRUPTED, e);
        } catch (IOException e) {
            throw new RcloneBackupException(ErrorCode.OPERATION_FAILED, String.valueOf(e.getMessage()), e);
        } catch (UncheckedIOException e) {
            throw new RcloneBackupException(
                    ErrorCode.OPERATION_FAILED, String.valueOf(e.getCause().getMessage()), e);
        }
    }

    /** Fluent configuration of an {@link RcloneBackup}. Configured {@code hooks} run after every listener. */
    public static final class Builder {
        private Settings settings;
        private final List<BackupListener> listeners = new ArrayList<>();
        private final Map<String, Connector> connectors = new LinkedHashMap<>();
        private Reporter reporter = Reporter.SILENT;
        private boolean serviceLoaderListeners = true;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        public Builder settings(Settings settings) {
            this.settings = settings;
            return this;
        }

        /** Adds a listener, called after those found by ServiceLoader, in registration order. */
        public Builder listener(BackupListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Whether listeners listed in {@code META-INF/services} are used (default true). */
        public Builder serviceLoaderListeners(boolean enabled) {
            this.serviceLoaderListeners = enabled;
            return this;
        }

        /** Registers a connector instance under its {@link Connector#id()}. */
        public Builder connector(Connector connector) {
            connectors.put(connector.id(), connector);
            return this;
        }

        /** Where progress and messages go (default: nowhere). */
        public Builder reporter(Reporter reporter) {
            this.reporter = Objects.requireNonNull(reporter, "reporter");
            return this;
        }

        /** The clock that timestamps backup names (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Builds the facade. */
        public RcloneBackup load() {
            if (settings == null) {
                throw new ConfigurationException("remote is required: no settings were given");
            }
            // Every line passes through the redactor, whoever prints it: no reporter sees a credential.
            Reporter redacting = Redactor.of(settings).reporter(reporter);
            RunRecorder runs = new RunRecorder();
            Context context = new Context(
                    settings,
                    Rclone.of(settings, redacting),
                    new ConnectorRegistry(settings, connectors),
                    FilenameTemplate.of(settings.filenameTemplate(), settings.dateFormat()),
                    new Listeners(serviceLoaderListeners, withHooks(redacting, runs)),
                    redacting,
                    clock);
            return new RcloneBackup(context, HttpNotifier.of(settings, redacting), runs);
        }

        private List<BackupListener> withHooks(Reporter redacting, RunRecorder runs) {
            List<BackupListener> all = new ArrayList<>();
            all.add(runs);
            all.addAll(listeners);
            if (!settings.hooks().isEmpty()) {
                all.add(new HookRunner(settings.hooks(), redacting, Redactor.of(settings)));
            }
            return all;
        }
    }
}
