package dev.rclonebackup.internal.connector.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The line-start filter between a backup and the restore client, on mysqldump's own shapes. */
class RestoreStreamTest {
    private static final String HEADER = "-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB\n";
    private static final String TRAILER = "\n-- Dump completed on 2026-12-03 10:48:54\n";

    @Test
    void definersOfViewsTriggersRoutinesAndEventsBecomeTheCurrentUser() throws IOException {
        String dump = HEADER
                + "/*!50013 DEFINER=`mig``rator`@`%` SQL SECURITY DEFINER */\n"
                + "/*!50003 CREATE*/ /*!50017 DEFINER=`migrator`@`10.0.%`*/ /*!50003 TRIGGER t AFTER INSERT ON item\n"
                + "CREATE DEFINER=`mïgrator`@`localhost` FUNCTION `item_count`() RETURNS int(11)\n"
                + "/*!50106 CREATE*/ /*!50117 DEFINER='root'@'localhost'*/ /*!50106 EVENT `e` ON SCHEDULE\n"
                + TRAILER;

        assertThat(copy(dump, true))
                .isEqualTo(HEADER
                        + "/*!50013 DEFINER=CURRENT_USER SQL SECURITY DEFINER */\n"
                        + "/*!50003 CREATE*/ /*!50017 DEFINER=CURRENT_USER*/ /*!50003 TRIGGER t AFTER INSERT ON item\n"
                        + "CREATE DEFINER=CURRENT_USER FUNCTION `item_count`() RETURNS int(11)\n"
                        + "/*!50106 CREATE*/ /*!50117 DEFINER=CURRENT_USER*/ /*!50106 EVENT `e` ON SCHEDULE\n"
                        + TRAILER);
        assertThat(copy(dump, false)).isEqualTo(dump);
    }

    @Test
    void dataAndLongLinesPassUnchanged() throws IOException {
        String longRow = "INSERT INTO `t` VALUES ('" + "DEFINER=`x`@`y` ".repeat(2000) + "');\n";
        String dump = HEADER + "CREATE TABLE note (body TEXT);\n" + longRow
                + "INSERT INTO note VALUES ('DEFINER=`a`@`b`');\n" + TRAILER;

        assertThat(copy(dump, true)).isEqualTo(dump);
    }

    @Test
    void aMysqldumpBackupWithoutItsClosingLineIsCutShort() {
        String dump = HEADER + "CREATE TABLE t (id INT);\nINSERT INTO t VALUES (1);\n";

        assertThatThrownBy(() -> copy(dump, false)).hasMessageContaining("cut short");
    }

    @Test
    void sqlWithoutMysqldumpsHeaderIsNotChecked() throws IOException {
        assertThat(copy("CREATE TABLE t (id INT);", false)).isEqualTo("CREATE TABLE t (id INT);");
    }

    private static String copy(String dump, boolean rewrite) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RestoreStream.copy(new ByteArrayInputStream(dump.getBytes(StandardCharsets.UTF_8)), out, rewrite);
        return out.toString(StandardCharsets.UTF_8);
    }
}
