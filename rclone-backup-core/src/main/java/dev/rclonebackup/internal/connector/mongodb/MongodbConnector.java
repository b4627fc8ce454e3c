package dev.rclonebackup.internal.connector.mongodb;

import dev.rclonebackup.connector.Connector;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Dump;
import dev.rclonebackup.connector.Restore;
import dev.rclonebackup.connector.Step;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backs up one MongoDB database with the MongoDB Database Tools: {@code mongodump --archive}
 * writes the backup to its standard output and {@code mongorestore --archive --drop} reads it
 * from its standard input, dropping each collection of the archive before restoring it.
 * Collections that exist in the database but not in the archive are left alone.
 *
 * <p>The entry gives a {@code mongodb://} or {@code mongodb+srv://} {@code url} with the database
 * in its path (hosts, options such as {@code replicaSet} or {@code tls} are kept), or
 * {@code host}, {@code port} and {@code name}. The entry's {@code username}/{@code password} win
 * over those in the URL, and {@code options.auth-source} over the URL's {@code authSource}.
 * {@code options.dump-args} and {@code options.restore-args} are appended to the command lines,
 * e.g. {@code --nsFrom=app.* --nsTo=staging.*} to restore into another database.
 *
 * <p>The connection string and the password never appear on a command line: they go into a
 * temporary configuration file, created readable by its owner only and passed with
 * {@code --config} (the tools read its {@code uri} and {@code password} keys; version 100.3 or
 * later is needed), which is deleted when the dump or restore is closed. The database, user
 * name and authentication database are passed as {@code --db}, {@code --username} and
 * {@code --authenticationDatabase}.
 *
 * <p>No MongoDB server was available where this connector was written: it is tested only with
 * fake {@code mongodump}/{@code mongorestore} programs that check their arguments and
 * configuration file and stream data through real rclone.
 */
public final class MongodbConnector implements Connector {
    private static final String PACKAGE_HINT = "mongodb-database-tools";

    private final String mongodump;
    private final String mongorestore;

    public MongodbConnector() {
        this("mongodump", "mongorestore");
    }

    /** With other executables for the two tools (a path, or a name looked up on PATH). */
    MongodbConnector(String mongodump, String mongorestore) {
        this.mongodump = mongodump;
        this.mongorestore = mongorestore;
    }

    @Override
    public String id() {
        return "mongodb";
    }

    @Override
    public String extension() {
        return "archive";
    }

    @Override
    public Dump dump(Database database) throws IOException {
        MongoTarget target = MongoTarget.of(database);
        return withConfigFile(
                target,
                List.of(mongodump, "--archive"),
                List.of("--db=" + target.database()),
                database.listOption("dump-args"));
    }

    @Override
    public Restore restore(Database database) throws IOException {
        MongoTarget target = MongoTarget.of(database);
        return withConfigFile(
                target, List.of(mongorestore, "--archive", "--drop"), List.of(), database.listOption("restore-args"));
    }

    /** {@code head --config=FILE scope identity extra}, with FILE written now and deleted on close. */
    private static ConfiguredCommand withConfigFile(
            MongoTarget target, List<String> head, List<String> scope, List<String> extra) throws IOException {
        PrivateConfigFile config = PrivateConfigFile.write(configValues(target));
        List<String> argv = new ArrayList<>(head);
        argv.add("--config=" + config.path());
        argv.addAll(scope);
        argv.addAll(identity(target));
        argv.addAll(extra);
        return new ConfiguredCommand(Step.command(argv, PACKAGE_HINT), config);
    }

    /** A dump or restore whose private configuration file is deleted when it is closed. */
    private record ConfiguredCommand(Step step, PrivateConfigFile config) implements Dump, Restore {
        @Override
        public void close() {
            config.close();
        }
    }

    private static Map<String, String> configValues(MongoTarget target) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("uri", target.serverAddress());
        if (target.password() != null) {
            values.put("password", target.password());
        }
        return values;
    }

    private static List<String> identity(MongoTarget target) {
        List<String> arguments = new ArrayList<>();
        if (target.username() != null) {
            arguments.add("--username=" + target.username());
        }
        if (target.authSource() != null) {
            arguments.add("--authenticationDatabase=" + target.authSource());
        }
        return arguments;
    }
}
