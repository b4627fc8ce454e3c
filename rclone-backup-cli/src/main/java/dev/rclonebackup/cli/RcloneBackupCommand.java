package dev.rclonebackup.cli;

import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The top-level {@code rclone-backup} command: only help, version and the five subcommands. */
final class RcloneBackupCommand implements Runnable {
    private final CommandSpec spec;

    private RcloneBackupCommand() {
        spec = Specs.command(this, "rclone-backup",
                "Back up databases and media files to any rclone remote, and restore them.",
                "Database dumps stream straight into the remote (S3, B2, SFTP, a local folder, a crypt "
                        + "remote, …) without intermediate files; media folders are mirrored with rclone sync.",
                "",
                "The configuration is read from --config FILE, else from the file named by "
                        + "$RCLONE_BACKUP_CONFIG, else from ./rclone-backup.yml. Run "
                        + "'rclone-backup COMMAND --help' for a command's options.")
                .versionProvider(new Version());
        spec.usageMessage().synopsisSubcommandLabel("COMMAND");
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
    }

    /** The specification of the top-level command, without its subcommands. */
    static CommandSpec spec() {
        return new RcloneBackupCommand().spec;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: give one of " + String.join(", ", spec.subcommands().keySet()));
    }

    /** The Maven project version, recorded in a filtered resource at build time. */
    static final class Version implements IVersionProvider {
        private static final String RESOURCE = "version.properties";

        @Override
        public String[] getVersion() {
            return new String[] {"rclone-backup " + version()};
        }

        static String version() {
            Properties properties = new Properties();
            try (InputStream in = RcloneBackupCommand.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the class path; rebuild the command line");
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + RESOURCE, e);
            }
            return properties.getProperty("version");
        }
    }
}
