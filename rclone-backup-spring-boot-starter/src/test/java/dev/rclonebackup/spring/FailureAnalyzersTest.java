package dev.rclonebackup.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.testing.RcloneFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/** The explanations of start-ups that fail on rclone-backup, from the registered analyzers. */
class FailureAnalyzersTest {
    @RegisterExtension
    final RcloneFixture rclone = new RcloneFixture();

    @TempDir
    Path folder;

    @Test
    void aMissingRemoteNamesThePropertyAndHowToSetIt() throws Exception {
        runner().run(context -> {
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription())
                    .isEqualTo("The property rclone-backup.remote is required: set it to an rclone remote:path"
                            + " (e.g. \"myremote:backups\") or a local folder");
            assertThat(analysis.getAction())
                    .contains("Set rclone-backup.remote in the application's configuration")
                    .contains("rclone-backup.enabled=false");
        });
    }

    @Test
    void aMissingRcloneAtStartUpSaysHowToInstallIt() throws Exception {
        Path missing = folder.resolve("no-rclone");
        runner().withPropertyValues(
                        "rclone-backup.remote=" + rclone.plainRemote(), "rclone-backup.rclone.binary=" + missing)
                .withBean(BackupsOnStartUp.class)
                .run(context -> {
                    FailureAnalysis analysis = analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .isEqualTo("A backup tool is missing: rclone not found at '" + missing
                                    + "' — install it (apt-get install rclone) or set rclone.binary");
                    assertThat(analysis.getAction()).contains("set rclone-backup.rclone.binary");
                });
    }

    private ApplicationContextRunner runner() throws Exception {
        H2Database database = H2Database.create(folder);
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withConfiguration(Starter.autoConfigurations())
                .withPropertyValues(database.dataSourceProperties());
    }

    /** The analysis of the first registered analyzer that explains {@code failure}, as Spring Boot picks it. */
    private static FailureAnalysis analyze(Throwable failure) {
        assertThat(failure).isNotNull();
        // Spring Boot's own analyzers that need the bean factory are skipped: it passes them one.
        FailureHandler skip = FailureHandler.handleMessage((message, e) -> {});
        return SpringFactoriesLoader.forDefaultResourceLocation().load(FailureAnalyzer.class, null, skip).stream()
                .map(analyzer -> analyzer.analyze(failure))
                .filter(analysis -> analysis != null)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No analysis of " + failure));
    }

    /** An application that backs up as it starts. */
    static class BackupsOnStartUp implements InitializingBean {
        private final RcloneBackupOperations operations;

        BackupsOnStartUp(RcloneBackupOperations operations) {
            this.operations = operations;
        }

        @Override
        public void afterPropertiesSet() {
            operations.dbBackup("default", false);
        }
    }
}
