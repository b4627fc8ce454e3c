package dev.rclonebackup.connector;

import java.util.List;

/** A custom connector for registry tests, listed in META-INF/services and named by class. */
public class EchoConnector implements Connector {
    private final String id;

    public EchoConnector() {
        this("echo");
    }

    public EchoConnector(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String extension() {
        return "txt";
    }

    @Override
    public Dump dump(Database database) {
        return Dump.of(Step.command(List.of("echo", database.name()), "coreutils"));
    }

    @Override
    public Restore restore(Database database) {
        return Restore.of(Step.command(List.of("cat"), "coreutils"));
    }
}
