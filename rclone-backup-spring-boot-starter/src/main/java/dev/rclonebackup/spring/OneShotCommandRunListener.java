package dev.rclonebackup.spring;

import dev.rclonebackup.cli.SignalGuard;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.scheduling.config.TaskManagementConfigUtils;

/**
 * Turns {@code java -jar app.jar dbbackup …} into a one-shot command: the application context
 * starts without a web server, schema migrations (Flyway, Liquibase), {@code spring.sql.init}
 * scripts or scheduling, with its beans created lazily, so that an application whose schema or
 * start-up is broken can still be restored; the command runs once the context is refreshed,
 * before the application's runners (which never run), and the process exits with the command's status. As on the command line, SIGINT or SIGTERM
 * interrupts the command, which cleans up, and the process exits with 130 or 143. Off with
 * {@code rclone-backup.commands.enabled=false} or {@code rclone-backup.enabled=false}.
 */
public class OneShotCommandRunListener implements SpringApplicationRunListener, Ordered {
    private final SpringApplication application;
    private final String[] args;
    private boolean active;

    public OneShotCommandRunListener(SpringApplication application, String[] args) {
        this.application = application;
        this.args = args.clone();
    }

    @Override
    public int getOrder() {
        // After the listener that loads the application's configuration files.
        return 10;
    }

    @Override
    public void environmentPrepared(
            ConfigurableBootstrapContext bootstrapContext, ConfigurableEnvironment environment) {
        active = OneShotCommands.isCommand(args)
                && environment.getProperty("rclone-backup.enabled", Boolean.class, true)
                && environment.getProperty("rclone-backup.commands.enabled", Boolean.class, true);
        if (!active) {
            return;
        }
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "rclone-backup-command",
                        Map.of(
                                "spring.main.web-application-type",
                                "none",
                                "spring.main.lazy-initialization",
                                "true",
                                "spring.flyway.enabled",
                                "false",
                                "spring.liquibase.enabled",
                                "false",
                                "spring.sql.init.mode",
                                "never",
                                "rclone-backup.schedule.db.cron",
                                "",
                                "rclone-backup.schedule.media.cron",
                                "")));
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        if (!environment.containsProperty("logging.level.root")) {
            // The command's own lines are its output; the application's start-up chatter is not.
            LoggingSystem.get(application.getClassLoader()).setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
        }
    }

    @Override
    public void contextPrepared(ConfigurableApplicationContext context) {
        if (active) {
            context.addBeanFactoryPostProcessor(OneShotCommandRunListener::withoutScheduling);
        }
    }

    /** Removes {@code @EnableScheduling}'s processor, so that no {@code @Scheduled} method runs during a command. */
    private static void withoutScheduling(ConfigurableListableBeanFactory beanFactory) {
        String processor = TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME;
        if (beanFactory instanceof BeanDefinitionRegistry registry && registry.containsBeanDefinition(processor)) {
            registry.removeBeanDefinition(processor);
        }
    }

    @Override
    public void started(ConfigurableApplicationContext context, Duration timeTaken) {
        if (!active) {
            return;
        }
        OneShotCommands commands =
                context.getBeanProvider(OneShotCommands.class).getIfAvailable();
        int exitStatus;
        if (commands == null) {
            System.err.println("Error: the command " + args[0]
                    + " cannot run: the rclone-backup auto-configuration is not active");
            exitStatus = 2;
        } else {
            exitStatus = SignalGuard.run(
                    () -> commands.run(args, System.in, System.out, System.err, System.getenv()), System.err);
        }
        System.exit(SpringApplication.exit(context, () -> exitStatus));
    }
}
