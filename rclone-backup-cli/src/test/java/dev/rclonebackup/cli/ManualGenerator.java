package dev.rclonebackup.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the shell completion and the manual pages of the command line from its picocli model,
 * so that they always describe the commands as built: {@code completion/rclone-backup.bash}
 * (picocli's {@link AutoComplete}; zsh reads it too, through {@code bashcompinit}) and
 * {@code man/rclone-backup.adoc} plus {@code man/rclone-backup-COMMAND.adoc} (picocli-codegen's
 * man page generator, in AsciiDoc for {@code asciidoctor -b manpage}). Run at build time by
 * the CLI module's {@code package} phase with the output folder as its argument.
 */
public final class ManualGenerator {
    private static final String NAME = "rclone-backup";

    private ManualGenerator() {}

    public static void main(String... args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("Usage: ManualGenerator OUTPUT_FOLDER");
        }
        List<Path> written = write(Path.of(args[0]));
        System.out.println("Wrote " + written.size() + " completion and manual files into " + args[0]);
    }

    /** Writes the completion script and the manual pages under {@code output}; returns the files written. */
    static List<Path> write(Path output) throws IOException {
        CommandLine commandLine = RcloneBackupCommandLine.commandLine(new CliContext(
                InputStream.nullInputStream(),
                new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8),
                Map.of(),
                output,
                false,
                false,
                null));
        List<Path> written = new ArrayList<>();
        Path completion = Files.createDirectories(output.resolve("completion")).resolve(NAME + ".bash");
        Files.writeString(completion, AutoComplete.bash(NAME, commandLine), StandardCharsets.UTF_8);
        written.add(completion);
        Path man = Files.createDirectories(output.resolve("man"));
        int status = ManPageGenerator.generateManPage(
                man.toFile(), null, new boolean[0], true, commandLine.getCommandSpec());
        if (status != 0) {
            throw new IOException("The man page generator failed with status " + status);
        }
        try (var pages = Files.list(man)) {
            pages.sorted().forEach(written::add);
        }
        return written;
    }
}
