package dev.rclonebackup.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.settings.RetentionPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code db.retention} as written in {@code rclone-backup.yml} and in the environment, as tables of cases. */
class RetentionSettingsTest {
    private static final String REMOTE = "remote: \"r:backups\"\n";

    @TempDir
    Path workDir;

    private RetentionPolicyOrError load(String yaml, Map<String, String> env) throws IOException {
        Files.writeString(workDir.resolve(ConfigLoader.DEFAULT_FILE_NAME), REMOTE + yaml);
        ConfigurationException error = catchThrowableOfType(
                ConfigurationException.class,
                () -> ConfigLoader.load(null, new HashMap<>(env), workDir).retentionPolicy());
        if (error != null) {
            assertThat(error.errorCode()).isEqualTo(ErrorCode.CONFIGURATION);
            return new RetentionPolicyOrError(null, error.getMessage());
        }
        return new RetentionPolicyOrError(
                ConfigLoader.load(null, new HashMap<>(env), workDir).retentionPolicy(), null);
    }

    private record RetentionPolicyOrError(RetentionPolicy policy, String error) {}

    static Stream<Arguments> policies() {
        return Stream.of(
                Arguments.of(
                        "no setting: cleanup-keep's default", "", Map.of(), new RetentionPolicy(10, 0, 0, 0, 0, 0)),
                Arguments.of(
                        "cleanup-keep N is keep-last N",
                        "db: {cleanup-keep: 4}",
                        Map.of(),
                        new RetentionPolicy(4, 0, 0, 0, 0, 0)),
                Arguments.of(
                        "a retention block; keys left out are 0",
                        "db:\n  retention:\n    keep-last: 3\n    keep-daily: 7\n    keep-weekly: 4\n",
                        Map.of(),
                        new RetentionPolicy(3, 0, 7, 4, 0, 0)),
                Arguments.of(
                        "every key",
                        "db: {retention: {keep-last: 1, keep-hourly: 2, keep-daily: 3, keep-weekly: 4,"
                                + " keep-monthly: 5, keep-yearly: 6}}",
                        Map.of(),
                        new RetentionPolicy(1, 2, 3, 4, 5, 6)),
                Arguments.of(
                        "zero beside another key is fine",
                        "db: {retention: {keep-last: 0, keep-monthly: 12}}",
                        Map.of(),
                        new RetentionPolicy(0, 0, 0, 0, 12, 0)),
                Arguments.of(
                        "from the environment",
                        "",
                        Map.of("RCLONE_BACKUP_DB_RETENTION_KEEP_DAILY", "7"),
                        new RetentionPolicy(0, 0, 7, 0, 0, 0)),
                Arguments.of(
                        "the environment wins over the file",
                        "db: {retention: {keep-daily: 3, keep-yearly: 1}}",
                        Map.of("RCLONE_BACKUP_DB_RETENTION_KEEP_DAILY", "9"),
                        new RetentionPolicy(0, 0, 9, 0, 0, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void readsThePolicy(String description, String yaml, Map<String, String> env, RetentionPolicy expected)
            throws IOException {
        assertThat(load(yaml, env)).isEqualTo(new RetentionPolicyOrError(expected, null));
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of(
                        "all zero",
                        "db: {retention: {keep-last: 0, keep-daily: 0}}",
                        Map.of(),
                        "rclone-backup.yml: db.retention keeps nothing: set at least one of keep-last, keep-hourly, keep-daily,"
                                + " keep-weekly, keep-monthly or keep-yearly above 0"),
                Arguments.of(
                        "a negative number",
                        "db: {retention: {keep-daily: 7, keep-weekly: -1}}",
                        Map.of(),
                        "rclone-backup.yml: db.retention.keep-weekly must be 0 or more, got -1"),
                Arguments.of(
                        "a fraction",
                        "db: {retention: {keep-daily: 1.5}}",
                        Map.of(),
                        "rclone-backup.yml: db.retention.keep-daily must be a whole number, got 1.5"),
                Arguments.of(
                        "a string",
                        "db: {retention: {keep-daily: lots}}",
                        Map.of(),
                        "rclone-backup.yml: db.retention.keep-daily must be a whole number, got a string"),
                Arguments.of(
                        "a quoted number",
                        "db: {retention: {keep-daily: \"7\"}}",
                        Map.of(),
                        "rclone-backup.yml: db.retention.keep-daily must be a whole number,"
                                + " got the string \"7\"; write it without quotes"),
                Arguments.of(
                        "a string in the environment",
                        "",
                        Map.of("RCLONE_BACKUP_DB_RETENTION_KEEP_DAILY", "lots"),
                        "RCLONE_BACKUP_DB_RETENTION_KEEP_DAILY: db.retention.keep-daily must be a whole number,"
                                + " got 'lots'"),
                Arguments.of(
                        "an unknown key names the nearest one",
                        "db: {retention: {keep-dayly: 7}}",
                        Map.of(),
                        "rclone-backup.yml: db.retention.keep-dayly is not a known setting;"
                                + " did you mean 'db.retention.keep-daily'?"),
                Arguments.of(
                        "not a mapping",
                        "db: {retention: 7}",
                        Map.of(),
                        "rclone-backup.yml: db.retention must be a mapping of keys to values, got 7"),
                Arguments.of(
                        "both cleanup-keep and retention",
                        "db: {cleanup-keep: 5, retention: {keep-daily: 7}}",
                        Map.of(),
                        "rclone-backup.yml: db.retention and db.cleanup-keep are both set: use one of them"
                                + " (cleanup-keep: N is the shorthand for retention: {keep-last: N})"),
                Arguments.of(
                        "cleanup-keep in the file, retention in the environment",
                        "db: {cleanup-keep: 5}",
                        Map.of("RCLONE_BACKUP_DB_RETENTION_KEEP_LAST", "5"),
                        "rclone-backup.yml: db.retention and db.cleanup-keep are both set: use one of them"
                                + " (cleanup-keep: N is the shorthand for retention: {keep-last: N})"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void rejectsAndNamesTheKey(String description, String yaml, Map<String, String> env, String message)
            throws IOException {
        assertThat(load(yaml, env)).isEqualTo(new RetentionPolicyOrError(null, message));
    }
}
