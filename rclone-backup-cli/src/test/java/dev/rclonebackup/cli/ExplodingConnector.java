package dev.rclonebackup.cli;

import dev.rclonebackup.connector.Connector;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Dump;
import dev.rclonebackup.connector.Restore;

/** A custom connector with a bug: shows how the command line reports an unexpected exception. */
public final class ExplodingConnector implements Connector {

    @Override
    public String extension() {
        return "bin";
    }

    @Override
    public Dump dump(Database database) {
        throw new IllegalStateException("connector exploded");
    }

    @Override
    public Restore restore(Database database) {
        throw new IllegalStateException("connector exploded");
    }
}
