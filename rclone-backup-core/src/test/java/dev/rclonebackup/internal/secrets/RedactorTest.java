package dev.rclonebackup.internal.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.Reporter;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # text                                                          | shown
            mysqldump exited with status 2                                  | mysqldump exited with status 2
            --crypt-password=v                                              | --crypt-password=****
            --x-pass v --bwlimit 1M                                         | --x-pass **** --bwlimit 1M
            --X-PASS=v                                                      | --X-PASS=****
            --crypt-pass-bad-blocks --bwlimit 1M                            | --crypt-pass-bad-blocks --bwlimit 1M
            --s3-secret-access-key -- remote:db                             | --s3-secret-access-key -- remote:db
            ["rclone" "lsjson" "--s3-secret-access-key" "AK/x+y" "--"]      | ["rclone" "lsjson" "--s3-secret-access-key" "****" "--"]
            ["rclone" "--crypt-password=ab\\"c" "x"]                        | ["rclone" "--crypt-password=****" "x"]
            rclone lsjson :webdav,url='http://h:8/d',pass=0bsCur3d:db       | rclone lsjson :webdav,url='http://h:8/d',pass=****:db
            :s3,access_key_id=AKIA,secret_access_key=a/b+c,region=x:bucket  | :s3,access_key_id=****,secret_access_key=****,region=x:bucket
            :crypt,password="a,b:c",remote=x:                               | :crypt,password=****,remote=x:
            :crypt,password='it''s',remote=x:                               | :crypt,password=****,remote=x:
            :crypt,remote=":s3,secret_access_key=K1:bucket",password=P1:dir | :crypt,remote=":s3,secret_access_key=****:bucket",password=****:dir
            :crypt,remote=":s3,key=""a,b"":bucket":dir                      | :crypt,remote=":s3,key=****:bucket":dir
            myremote,token=xyz:backups                                      | myremote,token=****:backups
            mongodb://app:s3cr3t@db.example:27017/app                       | mongodb://app:****@db.example:27017/app
            jdbc:postgresql://h/db?user=app&password=pw&ssl=true            | jdbc:postgresql://h/db?user=app&password=****&ssl=true
            https://h:8/d and a key figure                                  | https://h:8/d and a key figure
            PRIMARY KEY (id) --                                             | PRIMARY KEY (id) --
            an option is not written key=value                              | an option is not written key=value
            """)
    void hidesValuesByTheirPositionOnly(String text, String shown) {
        assertThat(Redactor.POSITIONAL.text(text)).isEqualTo(shown);
        assertThat(Redactor.POSITIONAL.text(shown)).as("idempotent").isEqualTo(shown);
    }

    @Test
    void aOneLetterPasswordNeverGarblesText() {
        Redactor redactor = Redactor.of(List.of("p"));

        assertThat(
                        redactor.text(
                                "mysqldump exited with status 2: mysqldump: Got error: 1045: Access denied for user 'app'@'localhost' (using password: YES)"))
                .isEqualTo(
                        "mysqldump exited with status 2: mysqldump: Got error: 1045: Access denied for user 'app'@'localhost' (using password: YES)");
        assertThat(redactor.commandLine(List.of("mysqldump", "--user=app", "-p", "p", "--password=p", "app")))
                .isEqualTo("mysqldump --user=app -p **** --password=**** app");
    }

    @Test
    void aPasswordEqualToAToolNameLeavesTheToolNamed() {
        Redactor redactor = Redactor.of(List.of("sqlite3"));

        assertThat(redactor.commandLine(List.of("sqlite3", "/data/app.sqlite3", ".dump")))
                .isEqualTo("sqlite3 /data/app.sqlite3 .dump");
        assertThat(redactor.text("sqlite3 exited with status 1: Error: no such table"))
                .isEqualTo("sqlite3 exited with status 1: Error: no such table");
        assertThat(redactor.commandLine(List.of("hook", "sqlite3"))).isEqualTo("hook ****");
    }

    @Test
    void commandLinesHideSensitiveFlagValuesWholeAndQuoteWhatNeedsIt() {
        Redactor redactor = Redactor.of(List.of());

        assertThat(redactor.commandLine(List.of(
                        "rclone",
                        "rcat",
                        "--crypt-password",
                        "two words",
                        "--x-pass=a b",
                        "--bwlimit",
                        "10M",
                        "--",
                        ":webdav,pass=xyz:db/a b")))
                .isEqualTo(
                        "rclone rcat --crypt-password **** --x-pass=**** --bwlimit 10M -- ':webdav,pass=****:db/a b'");
    }

    @Test
    void knowsThePasswordsAndSensitiveOptionsAndFlagsOfTheSettings() {
        Settings settings = Settings.builder()
                .remote("r:")
                .rcloneFlags(List.of("--s3-secret-access-key", "flag value", "--b2-key=k2", "--bwlimit", "1M"))
                .database(
                        "app",
                        DatabaseSettings.builder()
                                .url("jdbc:postgresql://h/app")
                                .password("db pw")
                                .options(Map.of("admin-password", "admin pw", "dump-args", List.of("--schema=x")))
                                .build())
                .build();
        Redactor redactor = Redactor.of(settings);

        assertThat(redactor.argv(List.of("tool", "db pw", "admin pw", "flag value", "k2", "1M", "--schema=x")))
                .containsExactly("tool", "****", "****", "****", "****", "1M", "--schema=x");
    }

    @Test
    void aRedactingReporterHidesEveryKindOfLine() {
        List<String> lines = new ArrayList<>();
        Reporter reporter = Redactor.POSITIONAL.reporter(new Reporter() {
            @Override
            public void info(String message) {
                lines.add(message);
            }

            @Override
            public void detail(String message) {
                lines.add(message);
            }

            @Override
            public void toolOutput(String tool, String line) {
                lines.add(tool + ": " + line);
            }

            @Override
            public void warning(String message) {
                lines.add("warning: " + message);
            }
        });

        reporter.info("Syncing media from /m to :sftp,pass=a:media");
        reporter.success("done with --token=t");
        reporter.detail("Running: rclone --crypt-password pw");
        reporter.toolOutput(
                "rclone", "DEBUG : rclone: Version starting with parameters [\"rclone\" \"--b2-key\" \"k\"]");
        reporter.warning("kept rows; remote :webdav,pass=x:");

        assertThat(lines)
                .containsExactly(
                        "Syncing media from /m to :sftp,pass=****:media",
                        "done with --token=****",
                        "Running: rclone --crypt-password ****",
                        "rclone: DEBUG : rclone: Version starting with parameters [\"rclone\" \"--b2-key\" \"****\"]",
                        "warning: kept rows; remote :webdav,pass=****:");
    }
}
