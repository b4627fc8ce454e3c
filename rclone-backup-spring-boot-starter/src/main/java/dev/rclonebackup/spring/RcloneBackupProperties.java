package dev.rclonebackup.spring;

import dev.rclonebackup.settings.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code rclone-backup.*} properties: the keys of {@code rclone-backup.yml}, so that a block
 * can move between the two files, plus the keys that only make sense inside an application
 * ({@code enabled}, {@code commands}, {@code schedule}, {@code health}).
 */
@ConfigurationProperties("rclone-backup")
public class RcloneBackupProperties {

    /** Whether rclone-backup is configured at all in this application. */
    private boolean enabled = true;

    /** The rclone remote:path to store backups under, or a plain local folder. Required. */
    private String remote;

    private final Rclone rclone = new Rclone();
    private final Db db = new Db();
    private final Media media = new Media();

    /**
     * Databases by alias. Without a "default" entry, the application's own data source becomes
     * the database "default".
     */
    private final Map<String, Database> databases = new LinkedHashMap<>();

    /** Database alias to connector: a built-in id (postgresql, mysql, sqlite, h2, mongodb) or a class name. */
    private final Map<String, String> connectors = new LinkedHashMap<>();

    /** Engine to connector, merged over the built-in mapping. */
    private final Map<String, String> connectorMapping = new LinkedHashMap<>();

    /** Event name (pre-db-backup, post-db-backup, …) to the command to run, as a list of arguments. */
    private final Map<String, List<String>> hooks = new LinkedHashMap<>();

    private final Commands commands = new Commands();
    private final Schedule schedule = new Schedule();
    private final Health health = new Health();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getRemote() {
        return remote;
    }

    public void setRemote(String remote) {
        this.remote = remote;
    }

    public Rclone getRclone() {
        return rclone;
    }

    public Db getDb() {
        return db;
    }

    public Media getMedia() {
        return media;
    }

    public Map<String, Database> getDatabases() {
        return databases;
    }

    public Map<String, String> getConnectors() {
        return connectors;
    }

    public Map<String, String> getConnectorMapping() {
        return connectorMapping;
    }

    public Map<String, List<String>> getHooks() {
        return hooks;
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

    /** {@code rclone.*}: how rclone is run. */
    public static class Rclone {
        /** Path or name of the rclone executable. */
        private String binary = "rclone";

        /** An rclone.conf to use; unset means rclone's own default. */
        private Path config;

        /** Extra flags for every rclone call, e.g. --bwlimit, 10M. */
        private List<String> flags = new ArrayList<>();

        public String getBinary() {
            return binary;
        }

        public void setBinary(String binary) {
            this.binary = binary;
        }

        public Path getConfig() {
            return config;
        }

        public void setConfig(Path config) {
            this.config = config;
        }

        public List<String> getFlags() {
            return flags;
        }

        public void setFlags(List<String> flags) {
            this.flags = flags;
        }
    }

    /** {@code db.*}: where and under which names database backups are stored. */
    public static class Db {
        /** Folder under the remote for database backups. */
        private String backupDir = "db";

        /** Backup file name: {database}, then a separator, {datetime} and {ext}, each at most once. */
        private String filenameTemplate = Settings.DEFAULT_FILENAME_TEMPLATE;

        /** java.time pattern of {datetime}, rendered in UTC. */
        private String dateFormat = Settings.DEFAULT_DATE_FORMAT;

        /** Backups kept per database when a backup cleans up (at least 1). */
        private int cleanupKeep = Settings.DEFAULT_CLEANUP_KEEP;

        public String getBackupDir() {
            return backupDir;
        }

        public void setBackupDir(String backupDir) {
            this.backupDir = backupDir;
        }

        public String getFilenameTemplate() {
            return filenameTemplate;
        }

        public void setFilenameTemplate(String filenameTemplate) {
            this.filenameTemplate = filenameTemplate;
        }

        public String getDateFormat() {
            return dateFormat;
        }

        public void setDateFormat(String dateFormat) {
            this.dateFormat = dateFormat;
        }

        public int getCleanupKeep() {
            return cleanupKeep;
        }

        public void setCleanupKeep(int cleanupKeep) {
            this.cleanupKeep = cleanupKeep;
        }
    }

    /** {@code media.*}: the media folder and where its copy is stored. */
    public static class Media {
        /** The local media folder; the media operations need it. */
        private Path root;

        /** Folder under the remote for media. */
        private String backupDir = "media";

        /** Whether symbolic links under the media folder are followed (their files and folders copied); loops are refused. */
        private boolean followSymlinks = true;

        /** A media sync that would delete more than this percentage (0 to 100) of the destination's files is refused unless forced. */
        private int maxDeletePercent = Settings.DEFAULT_MEDIA_MAX_DELETE_PERCENT;

        public Path getRoot() {
            return root;
        }

        public void setRoot(Path root) {
            this.root = root;
        }

        public String getBackupDir() {
            return backupDir;
        }

        public void setBackupDir(String backupDir) {
            this.backupDir = backupDir;
        }

        public boolean isFollowSymlinks() {
            return followSymlinks;
        }

        public void setFollowSymlinks(boolean followSymlinks) {
            this.followSymlinks = followSymlinks;
        }

        public int getMaxDeletePercent() {
            return maxDeletePercent;
        }

        public void setMaxDeletePercent(int maxDeletePercent) {
            this.maxDeletePercent = maxDeletePercent;
        }
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
        private final DbSchedule db = new DbSchedule();
        private final MediaSchedule media = new MediaSchedule();
        private final Lock lock = new Lock();

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

        public Duration getMaxAge() {
            return maxAge;
        }

        public void setMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
        }
    }
}
