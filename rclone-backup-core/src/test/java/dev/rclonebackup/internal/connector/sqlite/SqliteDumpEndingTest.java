package dev.rclonebackup.internal.connector.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The end of a {@code sqlite3 .dump}, as sqlite3 3.40 writes it on success and on failure. */
class SqliteDumpEndingTest {
    private final SqliteDumpEnding ending = new SqliteDumpEnding();

    @Test
    void aDumpEndingWithCommitIsComplete() {
        assertThat(problem("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nCREATE TABLE t(x);\nCOMMIT;\n"))
                .isEmpty();
    }

    @Test
    void theHeaderFieldsAndCommentsAfterTheCommitAreAllowed() {
        assertThat(problem("INSERT INTO t VALUES(1);\nCOMMIT;\nPRAGMA user_version=-42;\nPRAGMA application_id=1234;\n"
                        + "PRAGMA journal_mode=wal;\n-- a note\n\n"))
                .isEmpty();
    }

    @Test
    void aLockedDatabaseIsReportedWithSqlitesOwnMessage() {
        Optional<String> problem = problem("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n"
                + "/**** ERROR: (5) database is locked *****/\nROLLBACK; -- due to errors\n");

        assertThat(problem)
                .hasValue("sqlite3 .dump failed and wrote \"ROLLBACK; -- due to errors\" at the end of the"
                        + " dump instead of COMMIT: ERROR: (5) database is locked");
    }

    @Test
    void aDamagedPageIsReportedWithTheLastMessagesInTheTail() {
        Optional<String> problem = problem(
                "INSERT INTO t VALUES(1);\n/****** CORRUPTION ERROR *******/\n"
                        + "/****** database disk image is malformed ******/\nINSERT INTO t VALUES(2);\nROLLBACK; -- due to errors\n");

        assertThat(problem)
                .get()
                .asString()
                .contains("ROLLBACK; -- due to errors")
                .endsWith(": CORRUPTION ERROR | database disk image is malformed");
    }

    @Test
    void aRollbackWhoseMessageIsBeyondTheTailStillFails() {
        assertThat(problem("INSERT INTO t VALUES(2);\nROLLBACK; -- due to errors\n"))
                .get()
                .asString()
                .endsWith("instead of COMMIT (its error message is further up in the dump)");
    }

    @Test
    void aDumpEndingWithNeitherFails() {
        assertThat(problem("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nINSERT INTO t VALUES(1);\n"))
                .hasValue("sqlite3 .dump did not finish the dump: it does not end with COMMIT");
        assertThat(problem("")).isPresent();
        assertThat(problem("COMMIT;\nINSERT INTO t VALUES(1);\n")).isPresent();
    }

    private Optional<String> problem(String tail) {
        return ending.problem(tail.getBytes(StandardCharsets.UTF_8));
    }
}
