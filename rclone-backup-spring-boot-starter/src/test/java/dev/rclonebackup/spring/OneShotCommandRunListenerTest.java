package dev.rclonebackup.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * What a one-shot command's application context leaves out. The listener's preparation steps run
 * here on an application that is not given a command, so that it does not exit.
 */
class OneShotCommandRunListenerTest {
    static final AtomicInteger SCHEDULED_RUNS = new AtomicInteger();
    static final AtomicInteger STARTUP_WORK = new AtomicInteger();

    @Test
    void aCommandStartsNoSchedulingNorTheApplicationsBeansNorMigrations() throws Exception {
        try (ConfigurableApplicationContext context = start(new String[] {"dbrestore", "--noinput"})) {
            Thread.sleep(300);
            assertThat(SCHEDULED_RUNS).hasValue(0);
            assertThat(STARTUP_WORK).hasValue(0);
            assertThat(context.getEnvironment().getProperty("spring.flyway.enabled"))
                    .isEqualTo("false");
            assertThat(context.getEnvironment().getProperty("spring.liquibase.enabled"))
                    .isEqualTo("false");
            assertThat(context.getEnvironment().getProperty("spring.sql.init.mode"))
                    .isEqualTo("never");
            assertThat(context.getEnvironment().getProperty("spring.main.web-application-type"))
                    .isEqualTo("none");
        }
    }

    @Test
    void withoutACommandTheApplicationStartsAsUsual() throws Exception {
        try (ConfigurableApplicationContext context = start(new String[] {"--server.port=0"})) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (SCHEDULED_RUNS.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(SCHEDULED_RUNS.get()).isPositive();
            assertThat(STARTUP_WORK).hasValue(1);
            assertThat(context.getEnvironment().getProperty("spring.flyway.enabled"))
                    .isNull();
        }
    }

    private static ConfigurableApplicationContext start(String[] args) {
        SCHEDULED_RUNS.set(0);
        STARTUP_WORK.set(0);
        SpringApplication application = new SpringApplication(ApplicationWithAScheduleAndStartUpWork.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        OneShotCommandRunListener listener = new OneShotCommandRunListener(application, args);
        application.addListeners((ApplicationEnvironmentPreparedEvent event) ->
                listener.environmentPrepared(event.getBootstrapContext(), event.getEnvironment()));
        application.addInitializers(listener::contextPrepared);
        return application.run();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class ApplicationWithAScheduleAndStartUpWork {
        @Bean
        StartUpWork startUpWork() {
            return new StartUpWork();
        }

        /** Eager even when beans are lazy, as a bean an application marks so would be. */
        @Bean
        @Lazy(false)
        Ticker ticker() {
            return new Ticker();
        }
    }

    static class StartUpWork {
        StartUpWork() {
            STARTUP_WORK.incrementAndGet();
        }
    }

    static class Ticker {
        @Scheduled(fixedDelay = 10)
        void tick() {
            SCHEDULED_RUNS.incrementAndGet();
        }
    }
}
