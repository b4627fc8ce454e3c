package dev.rclonebackup.connector.mysql;

import dev.rclonebackup.connector.Connector;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Dump;
import dev.rclonebackup.connector.Restore;
import dev.rclonebackup.connector.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MySQL and MariaDB through {@code mysqldump} and {@code mysql}, or MariaDB's own
 * {@code mariadb-dump} and {@code mariadb} where the former are not installed. The dump is plain
 * SQL taken in one consistent transaction (InnoDB), with routines, events and triggers.
 *
 * <p>The password travels in {@code MYSQL_PWD}, never on the command line. It was chosen over
 * a temporary option file because it never touches the disk (nothing to leave behind when the
 * JVM is killed), takes any character without option-file escaping, and is readable only by the
 * same user and root ({@code /proc/PID/environ} is private on Linux) — the same protection as a
 * 0600 file.
 *
 * <p>When a host or a port is configured the tools are told to use TCP: a JDBC URL always means
 * TCP, whereas the MySQL tools would silently use the local socket for {@code localhost}.
 *
 * <p>A restore is not atomic: MySQL commits each table's DDL as it goes. It runs the client in
 * sandbox mode where the client has one (MariaDB), so a tampered backup cannot run programs.
 *
 * <p>Options: {@code dump-args} and {@code restore-args} are appended to the respective command
 * line (e.g. {@code --ignore-table=app.sessions}).
 */
public class MysqlConnector implements Connector {
    public static final String ID = "mysql";
    private static final String PACKAGE = "mariadb-client";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String extension() {
        return "sql";
    }

    @Override
    public Dump dump(Database database) {
        List<String> argv = new ArrayList<>(List.of(ExecutableSearch.firstOnPath("mysqldump", "mariadb-dump"),
                "--quick", "--single-transaction", "--routines", "--events", "--triggers"));
        argv.addAll(connectionArguments(database));
        argv.addAll(database.listOption("dump-args"));
        argv.add(database.name());
        return Dump.of(command(argv, database));
    }

    @Override
    public Restore restore(Database database) {
        // Sandbox mode refuses client commands that reach beyond the server (\! shell, \. source),
        // so a tampered backup cannot run programs; "loose" lets clients without it ignore it.
        List<String> argv = new ArrayList<>(List.of(ExecutableSearch.firstOnPath("mysql", "mariadb"), "--loose-sandbox"));
        argv.addAll(connectionArguments(database));
        argv.addAll(database.listOption("restore-args"));
        argv.add(database.name());
        return Restore.of(command(argv, database));
    }

    private static List<String> connectionArguments(Database database) {
        List<String> arguments = new ArrayList<>();
        if (database.host() != null) {
            arguments.add("--host=" + database.host());
        }
        if (database.port() != null) {
            arguments.add("--port=" + database.port());
        }
        if (database.host() != null || database.port() != null) {
            arguments.add("--protocol=TCP");
        }
        if (database.username() != null) {
            arguments.add("--user=" + database.username());
        }
        return arguments;
    }

    private static Step.Command command(List<String> argv, Database database) {
        Map<String, String> environment = database.password() == null
                ? Map.of()
                : Map.of("MYSQL_PWD", database.password());
        return new Step.Command(argv, environment, PACKAGE);
    }
}
