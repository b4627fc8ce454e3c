package dev.rclonebackup.internal.connector.mysql;

import dev.rclonebackup.connector.Dump;
import dev.rclonebackup.connector.Step;
import dev.rclonebackup.internal.process.ProcessResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mysqldump --quick --single-transaction --routines --events --triggers}, without
 * {@code --events} when the account lacks the EVENT privilege: mysqldump would otherwise fail on
 * {@code SHOW EVENTS} and no backup could be taken at all. That is found out in {@link #prepareDump()}
 * with the same statement, and reported as a warning. {@code --events} or {@code --skip-events}
 * in {@code options.dump-args} decide instead, without asking the server.
 */
final class MysqlDump implements Dump {
    private static final String ACCESS_DENIED_TO_DATABASE = "ERROR 1044";

    private final MysqlClient client;
    private final List<String> warnings = new ArrayList<>();
    private boolean withEvents = true;

    MysqlDump(MysqlClient client) {
        this.client = client;
    }

    @Override
    public void prepareDump() throws IOException {
        client.requireEncryption();
        if (userDecidesEvents()) {
            return;
        }
        ProcessResult probe = client.run("SHOW EVENTS", client.database().name(), null);
        // Any other failure (server down, wrong password) is left to mysqldump to report.
        if (probe.exitCode() != 0 && probe.stderr().contains(ACCESS_DENIED_TO_DATABASE)) {
            withEvents = false;
            String account = client.database().username() == null
                    ? "the account"
                    : "account '" + client.database().username() + "'";
            warnings.add("Backing up database '" + client.database().alias() + "' without its events: " + account
                    + " lacks the EVENT privilege on '" + client.database().name() + "' (add --events to "
                    + "databases." + client.database().alias() + ".options.dump-args to require them).");
        }
    }

    private boolean userDecidesEvents() {
        return client.database().listOption("dump-args").stream()
                .anyMatch(argument -> argument.equals("--events")
                        || argument.equals("-E")
                        || argument.startsWith("--events=")
                        || argument.equals("--skip-events"));
    }

    @Override
    public Step step() {
        List<String> argv =
                new ArrayList<>(List.of(MysqlClient.dumpTool(), "--quick", "--single-transaction", "--routines"));
        if (withEvents) {
            argv.add("--events");
        }
        argv.add("--triggers");
        argv.addAll(client.connectionArguments());
        argv.addAll(client.database().listOption("dump-args"));
        argv.add(client.database().name());
        return client.command(argv);
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
