package dev.rclonebackup.cli;

import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.Reporter;
import dev.rclonebackup.internal.rclone.Rclone;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/** The top-level {@code rclone-backup} command: only help, version and the subcommands. */
final class RcloneBackupCommand implements Runnable {
    private final CommandSpec spec;

    private RcloneBackupCommand(Map<String, String> environment) {
        spec = Specs.command(
                        this,
                        "rclone-backup",
                        "Back up databases and media files to any rclone remote, and restore them.",
                        "Database dumps stream straight into the remote (S3, B2, SFTP, a local folder, a crypt "
                                + "remote, …) without intermediate files; media folders are mirrored with rclone sync.",
                        "",
                        "The configuration is read from --config FILE, else from the file named by "
                                + "$RCLONE_BACKUP_CONFIG, else from ./rclone-backup.yml. Run "
                                + "'rclone-backup help COMMAND' or 'rclone-backup COMMAND --help' for a command's options.")
                .versionProvider(new Version(environment));
        spec.usageMessage().synopsisSubcommandLabel("COMMAND");
        spec.addOption(OptionSpec.builder("-h", "--help")
                .usageHelp(true)
                .description("Show this help message and exit.")
                .build());
        spec.addOption(OptionSpec.builder("-V", "--version")
                .versionHelp(true)
                .description("Print version information and exit.")
                .build());
        CommonOptions.addTo(spec);
    }

    /**
     * The specification of the top-level command, without its subcommands; {@code environment}
     * tells {@code --version} which rclone to ask ({@code RCLONE_BACKUP_RCLONE_BINARY}).
     */
    static CommandSpec spec(Map<String, String> environment) {
        return new RcloneBackupCommand(environment).spec;
    }

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "Missing command: give one of " + String.join(", ", RcloneBackupCommandLine.COMMAND_NAMES));
    }

    /**
     * What {@code --version} prints: the Maven project version (recorded in a filtered resource at
     * build time), then the Java runtime running it and the first line of {@code rclone version}.
     * The rclone asked is {@code RCLONE_BACKUP_RCLONE_BINARY}, else {@code rclone} on the PATH; the
     * configuration file is not read, so that {@code --version} works without one.
     */
    static final class Version implements IVersionProvider {
        private static final String RESOURCE = "version.properties";
        private static final String RCLONE_BINARY_VARIABLE = "RCLONE_BACKUP_RCLONE_BINARY";

        private final Map<String, String> environment;

        Version(Map<String, String> environment) {
            this.environment = environment;
        }

        @Override
        public String[] getVersion() {
            return new String[] {"rclone-backup " + version(), java(), rclone()};
        }

        static String version() {
            Properties properties = new Properties();
            try (InputStream in = RcloneBackupCommand.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(
                            RESOURCE + " is missing from the class path; rebuild the command line");
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + RESOURCE, e);
            }
            return properties.getProperty("version");
        }

        /** E.g. {@code Java 17.0.15+6-Debian-1deb12u1 (Debian, /usr/lib/jvm/java-17-openjdk-amd64)}. */
        private static String java() {
            return "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ", "
                    + System.getProperty("java.home") + ")";
        }

        /** E.g. {@code rclone v1.60.1-DEV}, or why there is none. */
        private String rclone() {
            String binary = environment.getOrDefault(RCLONE_BINARY_VARIABLE, "");
            try {
                return new Rclone(binary.isBlank() ? "rclone" : binary, null, List.of(), Reporter.SILENT).version();
            } catch (RcloneBackupException | IOException e) {
                return e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "rclone: interrupted while asking for its version";
            }
        }
    }
}
