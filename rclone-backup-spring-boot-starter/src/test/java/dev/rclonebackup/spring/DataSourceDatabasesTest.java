package dev.rclonebackup.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.rclonebackup.DbBackupResult;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Settings;
import dev.rclonebackup.testing.RcloneFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** An application with several data sources of its own: two H2 databases and one rclone-backup cannot dump. */
@ExtendWith(OutputCaptureExtension.class)
class DataSourceDatabasesTest {
    @RegisterExtension
    final RcloneFixture rclone = new RcloneFixture();

    @TempDir
    Path folder;

    private static H2Database orders;
    private static H2Database notes;
    private ApplicationContextRunner runner;

    @BeforeEach
    void application() throws Exception {
        orders = H2Database.create(Files.createDirectory(folder.resolve("orders")));
        notes = H2Database.create(Files.createDirectory(folder.resolve("notes")));
        runner = new ApplicationContextRunner()
                .withConfiguration(Starter.autoConfigurations())
                .withUserConfiguration(DataSources.class)
                .withPropertyValues("rclone-backup.remote=" + rclone.plainRemote());
    }

    @Test
    void theMarkedDataSourceIsTheDefaultDatabase() {
        runner.run(context -> {
            Settings settings = context.getBean(Settings.class);
            assertThat(settings.databases()).containsOnlyKeys("default");
            DatabaseSettings database = settings.databases().get("default");
            assertThat(database.url()).isEqualTo(notes.url());
            assertThat(database.username()).isEqualTo(H2Database.USER);
            assertThat(database.password()).isEqualTo(H2Database.PASSWORD);

            DbBackupResult backup =
                    context.getBean(RcloneBackupOperations.class).dbBackup("default", false);
            assertThat(Files.size(rclone.plainRemote().resolve(backup.path()))).isPositive();
        });
    }

    @Test
    void everyDataSourceIsADatabaseNamedAfterItsBeanWhenEnabled(CapturedOutput output) {
        runner.withPropertyValues("rclone-backup.datasources.enabled=true").run(context -> {
            assertThat(context).hasNotFailed();
            Settings settings = context.getBean(Settings.class);
            assertThat(settings.databases()).containsOnlyKeys("default", "ordersDataSource");
            assertThat(settings.databases().get("ordersDataSource").url()).isEqualTo(orders.url());
            assertThat(output)
                    .contains("WARN")
                    .contains("The DataSource bean 'legacyDataSource' is not backed up: "
                            + "the JDBC URL of the DataSource bean 'legacyDataSource' must look like")
                    .doesNotContain("s3cret");

            DbBackupResult backup =
                    context.getBean(RcloneBackupOperations.class).dbBackup("ordersDataSource", false);
            assertThat(backup.path()).startsWith("db/ordersDataSource-");
            assertThat(Files.size(rclone.plainRemote().resolve(backup.path()))).isPositive();
        });
    }

    @Test
    void aConfiguredDatabaseWinsOverADataSourceOfTheSameName() {
        runner.withPropertyValues(
                        "rclone-backup.datasources.enabled=true",
                        "rclone-backup.databases.ordersDataSource.url=jdbc:postgresql://db:5432/orders")
                .run(context -> assertThat(context.getBean(Settings.class)
                                .databases()
                                .get("ordersDataSource")
                                .url())
                        .isEqualTo("jdbc:postgresql://db:5432/orders"));
    }

    @Test
    void springBootsDataSourceIsBackedUpOnceAsDefault() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withConfiguration(Starter.autoConfigurations())
                .withPropertyValues(orders.dataSourceProperties())
                .withPropertyValues(
                        "rclone-backup.remote=" + rclone.plainRemote(), "rclone-backup.datasources.enabled=true")
                .run(context -> {
                    assertThat(context).hasBean("dataSource");
                    assertThat(context.getBean(Settings.class).databases()).containsOnlyKeys("default");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class DataSources {
        @Bean
        HikariDataSource ordersDataSource() {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(orders.url());
            dataSource.setUsername(H2Database.USER);
            dataSource.setPassword(H2Database.PASSWORD);
            return dataSource;
        }

        @Bean
        @RcloneBackupDataSource
        DataSource notesDataSource() {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL(notes.url());
            dataSource.setUser(H2Database.USER);
            dataSource.setPassword(H2Database.PASSWORD);
            return dataSource;
        }

        @Bean
        HikariDataSource legacyDataSource() {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl("jdbc:derby:memory:legacy;user=app;password=s3cret");
            return dataSource;
        }
    }
}
