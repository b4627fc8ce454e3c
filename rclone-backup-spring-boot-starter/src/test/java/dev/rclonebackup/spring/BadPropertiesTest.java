package dev.rclonebackup.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.testing.RcloneFixture;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/**
 * A {@code rclone-backup.*} property of the wrong type or with a misspelt name stops the
 * application, and Spring Boot's failure report names the property and what to do about it.
 */
class BadPropertiesTest {
    @RegisterExtension
    final RcloneFixture rclone = new RcloneFixture();

    @TempDir
    Path folder;

    @Test
    void aValueOfTheWrongTypeIsNamedWithWhatItMustBe() throws Exception {
        FailureAnalysis analysis = failedStartUp("rclone-backup.db.cleanup-keep=lots");

        assertThat(analysis.getDescription())
                .isEqualTo("The property rclone-backup.db.cleanup-keep must be a whole number, got 'lots'");
        assertThat(analysis.getAction())
                .startsWith("Correct rclone-backup.db.cleanup-keep in the application's configuration");
    }

    @Test
    void aMisspeltKeyInASectionIsNamedWithTheKeyItWasMeantToBe() throws Exception {
        FailureAnalysis analysis = failedStartUp("rclone-backup.db.clenaup-keep=3");

        assertThat(analysis.getDescription())
                .isEqualTo("The property rclone-backup.db.clenaup-keep is not a known setting;"
                        + " did you mean 'rclone-backup.db.cleanup-keep'?");
        assertThat(analysis.getAction())
                .startsWith("Rename rclone-backup.db.clenaup-keep to the key it was meant to be, or remove it");
    }

    @Test
    void aMisspeltTopLevelKeyIsNamed() throws Exception {
        FailureAnalysis analysis = failedStartUp("rclone-backup.remot=b2:bucket");

        assertThat(analysis.getDescription())
                .isEqualTo("The property rclone-backup.remot is not a known setting;"
                        + " did you mean 'rclone-backup.remote'?");
    }

    @Test
    void aMisspeltKeyOfADatabaseIsNamed() throws Exception {
        FailureAnalysis analysis = failedStartUp(
                "rclone-backup.databases.reports.url=jdbc:postgresql://db/reports",
                "rclone-backup.databases.reports.usrname=reporter");

        assertThat(analysis.getDescription())
                .isEqualTo("The property rclone-backup.databases.reports.usrname is not a known database setting;"
                        + " did you mean 'rclone-backup.databases.reports.username'?");
    }

    @Test
    void aMisspeltRetentionKeyIsNamed() throws Exception {
        FailureAnalysis analysis = failedStartUp("rclone-backup.db.retention.keep-dayly=7");

        assertThat(analysis.getDescription())
                .isEqualTo("The property rclone-backup.db.retention.keep-dayly is not a known setting;"
                        + " did you mean 'rclone-backup.db.retention.keep-daily'?");
    }

    /** Which properties are not rclone-backup's: the rule, as a table. */
    @ParameterizedTest(name = "{0} unknown: {1}")
    @CsvSource({
        "rclone-backup.remote, false",
        "rclone-backup.db.cleanup-keep, false",
        "rclone-backup.db.cleanupKeep, false",
        "rclone-backup.db.retention.keep-daily, false",
        "rclone-backup.check.max-age, false",
        "rclone-backup.notify.failure-url, false",
        "rclone-backup.rclone.flags[0], false",
        "rclone-backup.hooks.pre-db-backup[1], false",
        "rclone-backup.connectors.analytics, false",
        "rclone-backup.enabled, false",
        "rclone-backup.commands.enabled, false",
        "rclone-backup.schedule.db.cron, false",
        "rclone-backup.health.max-age, false",
        "rclone-backup.health.gracePeriod, false",
        "rclone-backup.schedule.lock.at-most-for, false",
        "rclone-backup.databases.reports.url, false",
        "rclone-backup.databases.reports.options.dump-args[0], false",
        "rclone-backup.databases.reports.options.anything, false",
        "rclone-backup-other.key, false",
        "spring.datasource.url, false",
        "rclone-backup.remot, true",
        "rclone-backup.db.clenaup-keep, true",
        "rclone-backup.db.retention.keep-dayly, true",
        "rclone-backup.check.maxage-days, true",
        "rclone-backup.notify.failure, true",
        "rclone-backup.retention.keep-daily, true",
        "rclone-backup.databases.reports.usrname, true",
    })
    void theUnknownNamesAreThoseNeitherInTheSchemaNorTheApplicationsKeys(String property, boolean unknown) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(property, "x")));

        assertThat(SpringSettings.unknownNames(environment))
                .map(Object::toString)
                .hasSize(unknown ? 1 : 0);
    }

    private FailureAnalysis failedStartUp(String... properties) throws Exception {
        H2Database database = H2Database.create(folder);
        FailureAnalysis[] analysis = new FailureAnalysis[1];
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withConfiguration(Starter.autoConfigurations())
                .withPropertyValues(database.dataSourceProperties())
                .withPropertyValues("rclone-backup.remote=" + rclone.plainRemote())
                .withPropertyValues(properties)
                .run(context -> {
                    assertThat(context).hasFailed();
                    analysis[0] = analyze(context.getStartupFailure());
                });
        return analysis[0];
    }

    /** The analysis of the first registered analyzer that explains {@code failure}, as Spring Boot picks it. */
    private static FailureAnalysis analyze(Throwable failure) {
        FailureHandler skip = FailureHandler.handleMessage((message, e) -> {});
        return SpringFactoriesLoader.forDefaultResourceLocation().load(FailureAnalyzer.class, null, skip).stream()
                .map(analyzer -> analyzer.analyze(failure))
                .filter(analysis -> analysis != null)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No analysis of " + failure));
    }
}
