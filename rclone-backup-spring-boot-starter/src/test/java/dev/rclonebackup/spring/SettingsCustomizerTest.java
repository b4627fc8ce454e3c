package dev.rclonebackup.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Settings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

class SettingsCustomizerTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(Starter.autoConfigurations())
            .withPropertyValues("rclone-backup.remote=/srv/backups", "rclone-backup.db.cleanup-keep=3");

    @Test
    void customizersChangeThePropertiesInTheirOrderBeforeTheFacadeIsBuilt() {
        runner.withUserConfiguration(Customizers.class).run(context -> {
            Settings settings = context.getBean(RcloneBackup.class).settings();
            assertThat(settings.cleanupKeep()).isEqualTo(9);
            assertThat(settings.remote()).isEqualTo("/srv/backups");
            assertThat(settings.databases().get("vault").password()).isEqualTo("from-the-vault");
        });
    }

    @Test
    void aCustomizedValueIsValidatedLikeAProperty() {
        runner.withBean(RcloneBackupSettingsCustomizer.class, () -> settings -> settings.remote(""))
                .run(context ->
                        assertThat(context).hasFailed().getFailure().hasStackTraceContaining("rclone-backup.remote"));
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {
        @Bean
        @Order(2)
        RcloneBackupSettingsCustomizer last() {
            return settings -> settings.cleanupKeep(9);
        }

        @Bean
        @Order(1)
        RcloneBackupSettingsCustomizer first() {
            return settings -> settings.cleanupKeep(5)
                    .database(
                            "vault",
                            DatabaseSettings.builder()
                                    .url("jdbc:postgresql://db:5432/app")
                                    .password("from-the-vault")
                                    .build());
        }
    }
}
