package dev.rclonebackup.spring;

import java.time.Clock;
import net.javacrumbs.shedlock.core.LockProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Scheduled backups ({@code rclone-backup.schedule.*}), only when a cron expression is configured;
 * with ShedLock and a {@link LockProvider} bean, only one instance runs each scheduled backup.
 */
@AutoConfiguration(after = RcloneBackupAutoConfiguration.class)
@ConditionalOnBean(RcloneBackupOperations.class)
@ConditionalOnExpression("'${rclone-backup.schedule.db.cron:}' != '' or '${rclone-backup.schedule.media.cron:}' != ''")
public class RcloneBackupSchedulingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ScheduledBackups rcloneBackupSchedule(
            RcloneBackupOperations operations,
            RcloneBackupProperties properties,
            ObjectProvider<ScheduledTaskLock> lock) {
        return new ScheduledBackups(
                operations, properties.getSchedule(), lock.getIfAvailable(() -> ScheduledTaskLock.NONE));
    }

    /** The ShedLock lock around each scheduled backup. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(LockProvider.class)
    static class ShedLockConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(LockProvider.class)
        ScheduledTaskLock rcloneBackupTaskLock(LockProvider lockProvider, RcloneBackupProperties properties) {
            RcloneBackupProperties.Lock lock = properties.getSchedule().getLock();
            return new ShedLockTaskLock(lockProvider, lock.getAtMostFor(), lock.getAtLeastFor(), Clock.systemUTC());
        }
    }
}
