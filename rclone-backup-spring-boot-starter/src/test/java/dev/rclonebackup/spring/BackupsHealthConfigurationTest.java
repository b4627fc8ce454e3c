package dev.rclonebackup.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.testing.RcloneFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Where the backups' health shows, and how it is turned off. */
class BackupsHealthConfigurationTest {
    @RegisterExtension
    final RcloneFixture rclone = new RcloneFixture();

    @TempDir
    Path folder;

    @Test
    void notInTheLivenessOrReadinessGroupsButInAGroupOfItsOwn() throws Exception {
        runner().withPropertyValues("management.endpoint.health.group.backups.include=rcloneBackup")
                .run(context -> {
                    assertThat(context).hasSingleBean(BackupsHealthIndicator.class);
                    HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
                    assertThat(groups.getNames()).contains("liveness", "readiness", "backups");
                    assertThat(groups.get("liveness").isMember("rcloneBackup")).isFalse();
                    assertThat(groups.get("readiness").isMember("rcloneBackup")).isFalse();
                    assertThat(groups.get("backups").isMember("rcloneBackup")).isTrue();
                    assertThat(groups.getPrimary().isMember("rcloneBackup")).isTrue();
                });
    }

    @Test
    void turnedOffLikeBootsOwnIndicators() throws Exception {
        runner().withPropertyValues("management.health.rclone-backup.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(BackupsHealthIndicator.class));
    }

    private ApplicationContextRunner runner() throws Exception {
        H2Database database = H2Database.create(folder);
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        DataSourceAutoConfiguration.class,
                        HealthContributorAutoConfiguration.class,
                        HealthContributorRegistryAutoConfiguration.class,
                        HealthEndpointAutoConfiguration.class,
                        ApplicationAvailabilityAutoConfiguration.class,
                        AvailabilityHealthContributorAutoConfiguration.class,
                        AvailabilityProbesAutoConfiguration.class,
                        RcloneBackupAutoConfiguration.class,
                        RcloneBackupHealthAutoConfiguration.class))
                .withPropertyValues(database.dataSourceProperties())
                .withPropertyValues(
                        "rclone-backup.remote=" + rclone.plainRemote(),
                        "management.endpoint.health.probes.enabled=true");
    }
}
