package dev.rclonebackup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManualGeneratorTest {
    @TempDir
    Path output;

    @Test
    void completionAndManPagesComeFromTheCommandsAsBuilt() throws Exception {
        ManualGenerator.write(output);

        String completion = Files.readString(output.resolve("completion/rclone-backup.bash"));
        assertThat(completion)
                .contains("complete -F _complete_rclone-backup")
                .contains("dbbackup", "dbrestore", "mediabackup", "mediarestore", "listbackups")
                .contains("--clean", "--input-path", "--allow-empty", "--media");
        assertThat(output.resolve("man")).isDirectoryContaining("glob:**/rclone-backup.adoc");
        for (String command : new String[] {"dbbackup", "dbrestore", "mediabackup", "mediarestore", "listbackups"}) {
            assertThat(output.resolve("man/rclone-backup-" + command + ".adoc")).isRegularFile();
        }
        assertThat(Files.readString(output.resolve("man/rclone-backup-dbbackup.adoc")))
                .contains("= rclone-backup-dbbackup(1)")
                .contains("*--clean*")
                .contains("db.cleanup-keep");
        assertThat(Files.readString(output.resolve("man/rclone-backup.adoc")))
                .contains("xref:rclone-backup-listbackups.adoc")
                .contains("RCLONE_BACKUP_CONFIG");
    }
}
