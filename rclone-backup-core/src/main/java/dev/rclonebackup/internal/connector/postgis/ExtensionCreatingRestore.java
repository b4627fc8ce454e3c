package dev.rclonebackup.internal.connector.postgis;

import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.Reporter;
import dev.rclonebackup.connector.Restore;
import dev.rclonebackup.connector.Step;
import dev.rclonebackup.internal.process.ProcessResult;
import dev.rclonebackup.internal.process.ProcessRunner;
import java.io.IOException;
import java.util.Optional;

/** A restore that first creates the extension as the admin user, then runs the PostgreSQL restore. */
final class ExtensionCreatingRestore implements Restore {
    private final Restore restore;
    private final Step.Command createExtension;
    private final String adminUser;
    private final String databaseName;

    ExtensionCreatingRestore(Restore restore, Step.Command createExtension, String adminUser, String databaseName) {
        this.restore = restore;
        this.createExtension = createExtension;
        this.adminUser = adminUser;
        this.databaseName = databaseName;
    }

    @Override
    public Optional<Step.Command> nextInspection() {
        return restore.nextInspection();
    }

    @Override
    public Optional<String> failureExplanation() {
        return restore.failureExplanation();
    }

    @Override
    public void prepare() throws IOException {
        prepare(Reporter.SILENT);
    }

    @Override
    public void prepare(Reporter reporter) throws IOException {
        ProcessResult result;
        try {
            result = ProcessRunner.run(createExtension, null, Reporter.SILENT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RcloneBackupException(
                    ErrorCode.INTERRUPTED,
                    "Interrupted while creating the postgis extension in database '" + databaseName + "'.",
                    e);
        }
        if (result.exitCode() != 0) {
            throw new RcloneBackupException(
                    ErrorCode.OPERATION_FAILED,
                    "Could not create the postgis extension in"
                            + " database '" + databaseName + "' as admin user '" + adminUser
                            + "' (options.admin-user): psql "
                            + "exited with status " + result.exitCode() + ": "
                            + result.stderr().strip());
        }
        restore.prepare(reporter);
    }

    @Override
    public Step step() {
        return restore.step();
    }

    @Override
    public void commit() throws IOException {
        restore.commit();
    }

    @Override
    public void abort() {
        restore.abort();
    }

    @Override
    public void close() {
        restore.close();
    }
}
