package dev.rclonebackup.internal.connector.mysql;

import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.Reporter;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Restore;
import dev.rclonebackup.connector.Step;
import dev.rclonebackup.internal.process.ProcessResult;
import dev.rclonebackup.internal.process.ProcessRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Restores a MySQL/MariaDB database through a scratch database, because MySQL commits every
 * statement of a dump as it goes:
 * <ol>
 *   <li>{@link #prepare()} creates {@code NAME_restore_XXXXXXXX} with the live database's character
 *       set, as the configured account; nothing is changed when that is refused.</li>
 *   <li>{@link #step()} restores the backup into it (see {@link RestoreStream}: other accounts'
 *       definers become the restoring account when it may not act for them, and a backup cut short
 *       fails).</li>
 *   <li>{@link #commit()} moves every table of the live database aside and every restored table in,
 *       in one {@code RENAME TABLE} (atomic in MariaDB), then replaces the live database's views,
 *       routines and events and adds the triggers with the definitions that were just created in
 *       the scratch database, and drops the old tables.</li>
 *   <li>{@link #abort()} and {@link #close()} drop the scratch database.</li>
 * </ol>
 * Any failure before the {@code RENAME TABLE} — a damaged or truncated backup, a statement the
 * account may not run, a lock timeout, an interrupt — leaves the live database untouched. Triggers
 * and views cannot move between databases, hence they are created anew after the swap.
 */
final class ScratchRestore implements Restore {
    private static final String RESTORE_INFIX = "_restore_";
    private static final int MAX_NAME = 64;

    private final MysqlClient client;
    private final Database database;
    private final String live;
    private final String scratch;
    private final String oldPrefix;
    private final String lockTimeouts;
    private boolean rewriteDefiners;
    private boolean scratchCreated;

    ScratchRestore(MysqlClient client, String lockTimeouts) {
        this.client = client;
        this.database = client.database();
        this.live = database.name();
        String random = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        this.scratch = live + RESTORE_INFIX + random;
        this.oldPrefix = "rb_old_" + random + "_";
        this.lockTimeouts = lockTimeouts;
    }

    /** The name pattern of the scratch databases, as written in a GRANT. */
    static String scratchPattern(String live) {
        return (live + RESTORE_INFIX).replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%") + "%";
    }

    @Override
    public void prepare() throws IOException {
        if (scratch.length() > MAX_NAME) {
            throw failure("its name is too long to restore it through a scratch database (at most "
                    + (MAX_NAME - scratch.length() + live.length()) + " characters)");
        }
        client.requireEncryption();
        List<List<String>> rows = query(
                "SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM "
                        + "information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE();\n"
                        + "SELECT COUNT(*) FROM information_schema.USER_PRIVILEGES WHERE PRIVILEGE_TYPE IN ('SUPER', 'SET USER');\n");
        if (rows.size() != 2 || rows.get(0).size() != 2) {
            throw failure("could not read its character set and the account's privileges");
        }
        String charset = plainWord(rows.get(0).get(0));
        String collation = plainWord(rows.get(0).get(1));
        rewriteDefiners = rows.get(1).get(0).equals("0");
        ProcessResult created = client.run(
                "CREATE DATABASE " + identifier(scratch) + " CHARACTER SET " + charset + " COLLATE " + collation
                        + ";\n",
                live,
                lockTimeouts);
        if (created.exitCode() != 0) {
            String error = client.errorOf(created);
            throw failure("the restore goes into a scratch database first, so that a failure leaves the data as it "
                    + "was, but creating " + scratch + " was refused (" + error + "); grant the account every "
                    + "privilege on its scratch databases: GRANT ALL PRIVILEGES ON `" + scratchPattern(live)
                    + "`.* TO '" + (database.username() == null ? "ACCOUNT" : database.username()) + "'@'…'");
        }
        scratchCreated = true;
    }

    @Override
    public Step step() {
        List<String> argv =
                new ArrayList<>(List.of(MysqlClient.clientTool(), "--loose-sandbox", "--init-command=" + lockTimeouts));
        argv.addAll(client.connectionArguments());
        argv.addAll(database.listOption("restore-args"));
        argv.add(scratch);
        Step.Command command = client.command(argv);
        boolean rewrite = rewriteDefiners;
        return new Step.Reader(command.tool(), in -> {
            ProcessResult result;
            try {
                result = ProcessRunner.runFed(command, out -> RestoreStream.copy(in, out, rewrite), Reporter.SILENT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted");
            }
            if (result.exitCode() != 0) {
                throw new IOException(client.errorOf(result));
            }
        });
    }

    @Override
    public void commit() throws IOException {
        Inventory inventory = Inventory.read(this);
        byte[] definitions = definitionsInScratch(inventory);
        ProcessResult swapped = client.run(swap(inventory), live, lockTimeouts);
        if (swapped.exitCode() != 0) {
            throw new IOException("the backup was restored into a scratch database, but moving its tables into " + live
                    + " failed, which was left unchanged: " + client.errorOf(swapped));
        }
        ByteArrayOutputStream replace = new ByteArrayOutputStream();
        replace.writeBytes(replaceObjects(inventory).getBytes(StandardCharsets.UTF_8));
        replace.writeBytes(definitions);
        ProcessResult replaced = client.run(replace.toByteArray(), live, lockTimeouts);
        if (replaced.exitCode() != 0) {
            throw new IOException("the restored tables are in place in " + live + ", but replacing its views, "
                    + "triggers, routines and events failed, so some of them may be missing: "
                    + client.errorOf(replaced));
        }
    }

    @Override
    public void abort() {
        dropScratch();
    }

    @Override
    public void close() {
        dropScratch();
    }

    private void dropScratch() {
        if (!scratchCreated) {
            return;
        }
        try {
            if (client.run("DROP DATABASE IF EXISTS " + identifier(scratch) + ";\n", live, lockTimeouts)
                            .exitCode()
                    == 0) {
                scratchCreated = false;
            }
        } catch (IOException | RuntimeException e) {
            // Left behind under its recognisable name; the restore's own outcome matters more.
        }
    }

    /** The triggers, routines, events and views of the scratch database, as SQL that creates them. */
    private byte[] definitionsInScratch(Inventory inventory) throws IOException {
        ByteArrayOutputStream sql = new ByteArrayOutputStream();
        sql.writeBytes(dumpScratch(
                List.of("--no-data", "--no-create-info", "--skip-comments", "--triggers", "--routines", "--events"),
                List.of()));
        if (!inventory.scratchViews().isEmpty()) {
            sql.writeBytes(
                    dumpScratch(List.of("--no-data", "--skip-comments", "--skip-triggers"), inventory.scratchViews()));
        }
        return sql.toByteArray();
    }

    private byte[] dumpScratch(List<String> options, List<String> objects) throws IOException {
        List<String> argv = new ArrayList<>(List.of(MysqlClient.dumpTool()));
        argv.addAll(options);
        argv.addAll(client.connectionArguments());
        argv.add(scratch);
        argv.addAll(objects);
        try {
            ProcessResult result = ProcessRunner.run(client.command(argv), null, Reporter.SILENT);
            if (result.exitCode() != 0) {
                throw new IOException("reading the restored definitions failed: " + client.errorOf(result));
            }
            return result.stdout();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    /** Drops the scratch triggers (tables with triggers cannot change database), then one atomic rename. */
    private String swap(Inventory inventory) {
        StringBuilder sql = new StringBuilder();
        for (String trigger : inventory.scratchTriggers()) {
            sql.append("DROP TRIGGER ")
                    .append(identifier(scratch))
                    .append('.')
                    .append(identifier(trigger))
                    .append(";\n");
        }
        List<String> renames = new ArrayList<>();
        List<String> liveTables = inventory.liveTables();
        for (int i = 0; i < liveTables.size(); i++) {
            renames.add(qualified(live, liveTables.get(i)) + " TO " + qualified(live, oldPrefix + i));
        }
        for (String table : inventory.scratchTables()) {
            renames.add(qualified(scratch, table) + " TO " + qualified(live, table));
        }
        if (!renames.isEmpty()) {
            sql.append("RENAME TABLE ").append(String.join(", ", renames)).append(";\n");
        }
        return sql.isEmpty() ? "DO 0;\n" : sql.toString();
    }

    /** Drops the old tables (with their triggers) and the live views, routines and events. */
    private String replaceObjects(Inventory inventory) {
        StringBuilder sql = new StringBuilder("SET SESSION FOREIGN_KEY_CHECKS = 0;\n");
        if (!inventory.liveTables().isEmpty()) {
            List<String> old = new ArrayList<>();
            for (int i = 0; i < inventory.liveTables().size(); i++) {
                old.add(qualified(live, oldPrefix + i));
            }
            sql.append("DROP TABLE ").append(String.join(", ", old)).append(";\n");
        }
        for (String view : inventory.liveViews()) {
            sql.append("DROP VIEW IF EXISTS ").append(qualified(live, view)).append(";\n");
        }
        for (List<String> routine : inventory.liveRoutines()) {
            sql.append("DROP ")
                    .append(routine.get(0).equals("FUNCTION") ? "FUNCTION" : "PROCEDURE")
                    .append(" IF EXISTS ")
                    .append(qualified(live, routine.get(1)))
                    .append(";\n");
        }
        for (String event : inventory.liveEvents()) {
            sql.append("DROP EVENT IF EXISTS ").append(qualified(live, event)).append(";\n");
        }
        return sql.append("SET SESSION FOREIGN_KEY_CHECKS = 1;\n").toString();
    }

    /** Runs {@code sql} in the live database and returns its rows, each a list of (unescaped) columns. */
    List<List<String>> query(String sql) throws IOException {
        ProcessResult result = client.run(sql, live, lockTimeouts);
        if (result.exitCode() != 0) {
            throw failure(client.errorOf(result));
        }
        List<List<String>> rows = new ArrayList<>();
        for (String line : result.stdoutText().split("\n")) {
            if (!line.isEmpty()) {
                List<String> columns = new ArrayList<>();
                for (String column : line.split("\t", -1)) {
                    columns.add(unescape(column));
                }
                rows.add(columns);
            }
        }
        return rows;
    }

    String live() {
        return live;
    }

    String scratch() {
        return scratch;
    }

    private RcloneBackupException failure(String reason) {
        return new RcloneBackupException(
                ErrorCode.OPERATION_FAILED,
                "Cannot restore database '" + database.alias() + "' (" + live + "), which was left unchanged: " + reason
                        + ".");
    }

    /** Undoes the client's batch-mode escaping of tabs, line breaks, backslashes and NULs. */
    private static String unescape(String column) {
        if (column.indexOf('\\') < 0) {
            return column;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < column.length(); i++) {
            char c = column.charAt(i);
            if (c == '\\' && i + 1 < column.length()) {
                char next = column.charAt(++i);
                text.append(
                        switch (next) {
                            case 't' -> '\t';
                            case 'n' -> '\n';
                            case '0' -> '\0';
                            default -> next;
                        });
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static String plainWord(String text) {
        if (!text.matches("[A-Za-z0-9_]+")) {
            throw new IllegalStateException("unexpected character set or collation name: " + text);
        }
        return text;
    }

    static String identifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String qualified(String schema, String name) {
        return identifier(schema) + "." + identifier(name);
    }
}
