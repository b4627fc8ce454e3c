package dev.rclonebackup.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code rclone-backup.*} properties that only make sense inside an application
 * ({@code enabled}, {@code commands}, {@code schedule}, {@code health}), and the
 * {@code databases}, bound here so that each entry's keys complete in an IDE. Every other key is
 * one of {@code rclone-backup.yml}'s, described by the core's settings schema and read from the
 * environment by {@link SpringSettings}.
 */
@ConfigurationProperties("rclone-backup")
public class RcloneBackupProperties {

    /** Whether rclone-backup is configured at all in this application. */
    private boolean enabled = true;

    /**
     * Databases by alias. Without a "default" entry, the application's own data source becomes
     * the database "default".
     */
    private final Map<String, Database> databases = new LinkedHashMap<>();

    private final DataSources datasources = new DataSources();
    private final Commands commands = new Commands();
    private final Schedule schedule = new Schedule();
    private final Health health = new Health();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Map<String, Database> getDatabases() {
        return databases;
    }

    public DataSources getDatasources() {
        return datasources;
    }

    public Commands getCommands() {
        return commands;
    }

    public Schedule getSchedule() {
        return schedule;
    }

    public Health getHealth() {
        return health;
    }

    /** One entry under {@code databases}: a url, or engine and name (with host and port). */
    public static class Database {
        /** JDBC URL (or mongodb:// URL) of the database. */
        private String url;

        /** Engine, when no url is given: postgresql, postgis, mysql, mariadb, sqlite, h2 or mongodb. */
        private String engine;

        /** Database name (or file, for sqlite), when no url is given. */
        private String name;

        /** Host, when no url is given. */
        private String host;

        /** Port, when no url is given. */
        private Integer port;

        /** User name; wins over one inside the url. */
        private String username;

        /** Password; wins over one inside the url. Never printed. */
        private String password;

        /** Connector-specific options, e.g. dump-args, restore-args, admin-user. */
        private Map<String, Object> options = new LinkedHashMap<>();

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getEngine() {
            return engine;
        }

        public void setEngine(String engine) {
            this.engine = engine;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public Integer getPort() {
            return port;
        }

        public void setPort(Integer port) {
            this.port = port;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public Map<String, Object> getOptions() {
            return options;
        }

        public void setOptions(Map<String, Object> options) {
            this.options = options;
        }
    }

    /** {@code datasources.*}: the application's data sources as databases. */
    public static class DataSources {
        /**
         * Whether every DataSource bean is also a database, named after its bean (the one backed up
         * as "default" excepted); one whose JDBC URL is not supported is left out with a warning.
         */
        private boolean enabled;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** {@code commands.*}: one-shot commands given as the application's arguments. */
    public static class Commands {
        /**
         * Whether "java -jar app.jar dbbackup …" (and the other four commands) runs the command and
         * exits instead of starting the application.
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** {@code schedule.*}: backups run on a cron schedule while the application runs. */
    public static class Schedule {
        /** Time zone of the cron expressions, e.g. Europe/Berlin; unset: the JVM's time zone. */
        private String zone;

        private final DbSchedule db = new DbSchedule();
        private final MediaSchedule media = new MediaSchedule();
        private final Lock lock = new Lock();

        public String getZone() {
            return zone;
        }

        public void setZone(String zone) {
            this.zone = zone;
        }

        public DbSchedule getDb() {
            return db;
        }

        public MediaSchedule getMedia() {
            return media;
        }

        public Lock getLock() {
            return lock;
        }
    }

    /** {@code schedule.db.*}: scheduled database backups. */
    public static class DbSchedule {
        /** Spring cron expression (second minute hour day month weekday); unset: no scheduled database backups. */
        private String cron;

        /** Whether each scheduled backup then deletes the backups beyond db.cleanup-keep. */
        private boolean clean = true;

        /** Aliases of the databases to back up; empty means every configured database. */
        private List<String> databases = new ArrayList<>();

        public String getCron() {
            return cron;
        }

        public void setCron(String cron) {
            this.cron = cron;
        }

        public boolean isClean() {
            return clean;
        }

        public void setClean(boolean clean) {
            this.clean = clean;
        }

        public List<String> getDatabases() {
            return databases;
        }

        public void setDatabases(List<String> databases) {
            this.databases = databases;
        }
    }

    /** {@code schedule.media.*}: scheduled media backups. */
    public static class MediaSchedule {
        /** Spring cron expression (second minute hour day month weekday); unset: no scheduled media backups. */
        private String cron;

        public String getCron() {
            return cron;
        }

        public void setCron(String cron) {
            this.cron = cron;
        }
    }

    /** {@code schedule.lock.*}: the ShedLock lock that keeps several instances from backing up at once. */
    public static class Lock {
        /** Longest time a lock is held, should an instance die while backing up. */
        private Duration atMostFor = Duration.ofHours(6);

        /**
         * Shortest time a lock is held, so that instances whose clocks differ slightly do not run
         * the same scheduled backup one after the other.
         */
        private Duration atLeastFor = Duration.ofMinutes(1);

        public Duration getAtMostFor() {
            return atMostFor;
        }

        public void setAtMostFor(Duration atMostFor) {
            this.atMostFor = atMostFor;
        }

        public Duration getAtLeastFor() {
            return atLeastFor;
        }

        public void setAtLeastFor(Duration atLeastFor) {
            this.atLeastFor = atLeastFor;
        }
    }

    /** {@code health.*}: the backups health indicator. */
    public static class Health {
        /** Age beyond which the newest backup of a database makes the health DOWN. */
        private Duration maxAge = Duration.ofHours(26);

        /**
         * How long after start-up a database without any backup is UNKNOWN rather than DOWN, so that
         * a fresh deployment is not unhealthy before its first backup. Unset: the max-age.
         */
        private Duration gracePeriod;

        /** How long a check's result answers the health probes before the next probe starts a new check. */
        private Duration refreshInterval = Duration.ofMinutes(5);

        public Duration getMaxAge() {
            return maxAge;
        }

        public void setMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
        }

        public Duration getGracePeriod() {
            return gracePeriod;
        }

        public void setGracePeriod(Duration gracePeriod) {
            this.gracePeriod = gracePeriod;
        }

        public Duration getRefreshInterval() {
            return refreshInterval;
        }

        public void setRefreshInterval(Duration refreshInterval) {
            this.refreshInterval = refreshInterval;
        }
    }
}
