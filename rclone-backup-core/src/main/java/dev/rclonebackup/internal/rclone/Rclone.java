package dev.rclonebackup.internal.rclone;

import dev.rclonebackup.Reporter;
import dev.rclonebackup.connector.Step;
import dev.rclonebackup.internal.naming.RemotePaths;
import dev.rclonebackup.internal.process.ProcessResult;
import dev.rclonebackup.internal.process.ProcessRunner;
import dev.rclonebackup.internal.process.StalledException;
import dev.rclonebackup.internal.process.Supervision;
import dev.rclonebackup.internal.process.ToolNotFoundException;
import dev.rclonebackup.internal.secrets.Redactor;
import dev.rclonebackup.settings.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rclone client: runs the configured rclone binary with the configured config file and
 * extra flags. Every method takes full rclone paths ({@code remote:path} or a local path); see
 * {@link dev.rclonebackup.internal.naming.RemotePaths} for joining. Paths are passed after {@code --}, so
 * a path starting with {@code -} is never taken for a flag.
 *
 * <p>A non-zero exit becomes an {@link RcloneException} whose message names the rclone command,
 * the path and rclone's last diagnostic line; a missing binary becomes a
 * {@link ToolNotFoundException} that says how to install it. rclone's standard error is passed
 * line by line to {@link Reporter#toolOutput} (shown at the highest verbosity only).
 */
public final class Rclone {
    /** The tool name under which rclone's own output is reported. */
    public static final String TOOL = "rclone";

    private static final String PACKAGE = "rclone";
    /** The longest a metadata call (listing, moving, deleting) may move no data. */
    static final Duration METADATA_STALL_LIMIT = Duration.ofMinutes(2);

    private final String binary;
    private final Path config;
    private final List<String> flags;
    private final Reporter reporter;
    private final Redactor redactor;
    private final Duration stallTimeout;

    /**
     * @param binary   the rclone executable (a name looked up on PATH, or a path)
     * @param config   an rclone.conf passed as {@code --config}, or {@code null} for rclone's default
     * @param flags    extra flags added to every call, e.g. {@code --bwlimit 10M}
     * @param reporter receives command lines (detail) and rclone's diagnostics (tool output)
     */
    public Rclone(String binary, Path config, List<String> flags, Reporter reporter) {
        this(binary, config, flags, reporter, Redactor.POSITIONAL, null);
    }

    /**
     * @param redactor     hides credentials in the command lines and messages
     * @param stallTimeout how long a transfer may move no data before it is ended, or {@code null}
     *                     for no limit; metadata calls get at most {@link #metadataStallTimeout}
     */
    public Rclone(
            String binary,
            Path config,
            List<String> flags,
            Reporter reporter,
            Redactor redactor,
            Duration stallTimeout) {
        this.binary = binary;
        this.config = config;
        this.flags = List.copyOf(flags);
        this.reporter = reporter;
        this.redactor = redactor;
        this.stallTimeout = stallTimeout;
    }

    /**
     * The client configured by {@code rclone.binary}, {@code rclone.config}, {@code rclone.flags}
     * and {@code rclone.stall-timeout}.
     */
    public static Rclone of(Settings settings, Reporter reporter) {
        return new Rclone(
                settings.rcloneBinary(),
                settings.rcloneConfig(),
                settings.rcloneFlags(),
                reporter,
                Redactor.of(settings),
                settings.rcloneStallTimeout());
    }

    /** How a streaming call ({@link #rcat}, {@link #cat}) run in a pipeline is watched. */
    public Supervision streaming() {
        return new Supervision(redactor, stallTimeout);
    }

    /**
     * How long a metadata call may move no data: {@code stallTimeout}, but at most two minutes,
     * since listing, moving or deleting a few objects never waits that long for data.
     */
    static Duration metadataStallTimeout(Duration stallTimeout) {
        return stallTimeout != null && stallTimeout.compareTo(METADATA_STALL_LIMIT) > 0
                ? METADATA_STALL_LIMIT
                : stallTimeout;
    }

    /** The redacted command line of {@code command}, e.g. for a message naming a stalled call. */
    public String describe(Step.Command command) {
        return redactor.commandLine(command.argv());
    }

    /** This client with {@code moreFlags} added to every call, e.g. {@code --copy-links}. */
    public Rclone withFlags(List<String> moreFlags) {
        List<String> all = new ArrayList<>(flags);
        all.addAll(moreFlags);
        return new Rclone(binary, config, all, reporter, redactor, stallTimeout);
    }

    /**
     * Describes {@code rclone rcat PATH}: uploads its standard input to {@code path}. Note that
     * rcat exits 0 even when whatever fed it died, so only the feeder's exit status tells whether
     * the upload is complete. rclone logs as JSON ({@link RcloneLog}), as for the move that follows.
     */
    public Step.Command rcat(String path) {
        return command("rcat", RcloneLog.STATISTICS_FLAGS, path);
    }

    /** Describes {@code rclone cat PATH}: writes the object at {@code path} to its standard output. */
    public Step.Command cat(String path) {
        return command("cat", List.of(), path);
    }

    /**
     * The last {@code bytes} bytes of the object at {@code path} (all of it when it is shorter),
     * with {@code rclone cat --tail}: rclone reads only that range, whatever the object's size.
     */
    public byte[] tail(String path, int bytes) throws IOException, InterruptedException {
        if (bytes <= 0) {
            throw new IllegalArgumentException("bytes must be positive: " + bytes);
        }
        ProcessResult result = execute("cat", List.of("--tail", Integer.toString(bytes)), null, path);
        check(result, "cat", path);
        return result.stdout();
    }

    /**
     * Lists the files in {@code path} (recursively when asked) with {@code rclone lsjson}; folders
     * are left out. A folder that does not exist yields an empty list: rclone exits 3
     * ("directory not found") for it, which on a fresh remote simply means "nothing there yet".
     * Any other failure is an {@link RcloneException}.
     */
    public List<RemoteEntry> lsjson(String path, boolean recursive) throws IOException, InterruptedException {
        return listFiles(path, recursive).orElse(List.of());
    }

    /**
     * As {@link #lsjson}, but tells a folder that does not exist (empty) from one without files
     * (an empty list).
     */
    public Optional<List<RemoteEntry>> listFiles(String path, boolean recursive)
            throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(List.of("--files-only", "--no-mimetype"));
        if (recursive) {
            options.add("--recursive");
        }
        ProcessResult result = execute("lsjson", options, null, path);
        if (result.exitCode() == RcloneException.DIRECTORY_NOT_FOUND) {
            return Optional.empty();
        }
        check(result, "lsjson", path);
        return Optional.of(LsjsonParser.parseList(result.stdout(), path));
    }

    /**
     * The file or folder at {@code path}, or empty when nothing is there ({@code rclone lsjson --stat}).
     */
    public Optional<RemoteEntry> stat(String path) throws IOException, InterruptedException {
        ProcessResult result = execute("lsjson", List.of("--stat", "--no-mimetype"), null, path);
        if (result.exitCode() == RcloneException.DIRECTORY_NOT_FOUND) {
            return Optional.empty();
        }
        check(result, "lsjson", path);
        return Optional.of(LsjsonParser.parseOne(result.stdout(), path));
    }

    /**
     * The files among {@code names} directly inside {@code folder}, in one call: {@code rclone
     * lsjson --files-from-raw -} with the names on standard input, so rclone looks each one up
     * instead of listing the whole folder. Absent names are left out; a folder that does not
     * exist yields an empty list.
     *
     * @throws IllegalArgumentException when a name is not a plain file name (see {@link #deleteFiles})
     */
    public List<RemoteEntry> statFiles(String folder, List<String> names) throws IOException, InterruptedException {
        if (names.isEmpty()) {
            return List.of();
        }
        ProcessResult result = execute(
                "lsjson", List.of("--files-only", "--no-mimetype", "--files-from-raw", "-"), fileList(names), folder);
        if (result.exitCode() == RcloneException.DIRECTORY_NOT_FOUND) {
            return List.of();
        }
        check(result, "lsjson", folder);
        return LsjsonParser.parseList(result.stdout(), folder);
    }

    /**
     * The first line of {@code rclone version}, e.g. {@code rclone v1.60.1-DEV}.
     *
     * @throws ToolNotFoundException when the rclone binary is missing or not executable
     * @throws RcloneException       when rclone fails
     */
    public String version() throws IOException, InterruptedException {
        ProcessResult result = run(
                new Step.Command(List.of(binary, "version"), Map.of(), PACKAGE),
                null,
                reporter,
                new Supervision(redactor, metadataStallTimeout(stallTimeout)));
        check(result, "version", binary);
        String output = result.stdoutText().strip();
        int lineEnd = output.indexOf('\n');
        return lineEnd < 0 ? output : output.substring(0, lineEnd).strip();
    }

    /**
     * Renames {@code sourceName} to {@code destinationName} inside {@code folder} unless
     * {@code destinationName} already exists, and returns the moved file's size; returns empty
     * (leaving the source in place) when the destination exists.
     *
     * <p>The refusal is {@code rclone moveto --ignore-existing}: rclone checks the destination
     * and moves within one process, which is the narrowest check-then-act window rclone offers
     * (object stores have no conditional rename). Whether the move happened is read from rclone's
     * final statistics ({@code renames}, and {@code bytes} for the size), so no separate lookup is
     * needed. When they are missing (rclone.flags silenced them), the source and destination are
     * looked up instead: a lookup after the move, never a check before it that could be stale.
     */
    public Optional<Long> movetoIfAbsent(String folder, String sourceName, String destinationName)
            throws IOException, InterruptedException {
        requirePlainName(sourceName);
        requirePlainName(destinationName);
        String source = RemotePaths.join(folder, sourceName);
        ProcessResult result = execute(
                "moveto", withStatistics("--ignore-existing"), null, source, RemotePaths.join(folder, destinationName));
        check(result, "moveto", source);
        Optional<RcloneLog.Statistics> statistics = RcloneLog.statistics(result.stderr());
        if (statistics.isPresent() && statistics.get().errors() == 0) {
            return statistics.get().renames() > 0 ? Optional.of(statistics.get().bytes()) : Optional.empty();
        }
        List<RemoteEntry> found = statFiles(folder, List.of(sourceName, destinationName));
        if (found.stream().anyMatch(entry -> entry.name().equals(sourceName))) {
            return Optional.empty();
        }
        return Optional.of(found.stream()
                .filter(entry -> entry.name().equals(destinationName))
                .findFirst()
                .map(RemoteEntry::size)
                .orElseThrow(() -> new IOException("rclone moveto " + source + " reported success, but neither "
                        + sourceName + " nor " + destinationName + " is in " + folder)));
    }

    private static List<String> withStatistics(String... options) {
        List<String> all = new ArrayList<>(List.of(options));
        all.addAll(RcloneLog.STATISTICS_FLAGS);
        return all;
    }

    /** Deletes the file at {@code path} ({@code rclone deletefile}). */
    public void deletefile(String path) throws IOException, InterruptedException {
        check(execute("deletefile", List.of(), null, path), "deletefile", path);
    }

    /**
     * Deletes the files {@code names} directly inside {@code folder} in one rclone call
     * ({@code rclone delete FOLDER --files-from-raw -}, names on standard input, each as
     * {@code /NAME}). rclone reads each line as an exact path from {@code folder}, not as a
     * pattern, so a name matches only itself: never a file of the same name in a subfolder, never
     * a longer name, never other names through {@code *} or {@code [}. Names that are
     * absent are ignored. An empty list does nothing (rclone would delete the whole folder).
     *
     * @throws IllegalArgumentException when a name is empty, {@code .} or {@code ..}, or contains
     *                                  {@code /}, {@code \} or a line break
     */
    public void deleteFiles(String folder, List<String> names) throws IOException, InterruptedException {
        if (names.isEmpty()) {
            return;
        }
        check(execute("delete", List.of("--files-from-raw", "-"), fileList(names), folder), "delete", folder);
    }

    /** {@code --files-from-raw} input: each name as an exact path from the folder, {@code /NAME}. */
    private static byte[] fileList(List<String> names) {
        StringBuilder list = new StringBuilder();
        for (String name : names) {
            requirePlainName(name);
            list.append('/').append(name).append('\n');
        }
        return list.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void requirePlainName(String name) {
        if (name.isEmpty()
                || name.equals(".")
                || name.equals("..")
                || name.chars().anyMatch(c -> c == '/' || c == '\\' || c == '\n' || c == '\r')) {
            throw new IllegalArgumentException("Not a plain file name: '" + name + "'");
        }
    }

    /**
     * {@code rclone sync SOURCE DESTINATION}: makes {@code destination} identical to {@code source},
     * deleting what is not in {@code source}. With {@code dryRun}, nothing changes and each
     * change rclone would make is reported as an info line. Whatever rclone notices and skips
     * (a special file, a symbolic link it does not follow …) is reported as a warning.
     */
    public void sync(String source, String destination, boolean dryRun) throws IOException, InterruptedException {
        transfer("sync", source, destination, dryRun);
    }

    /**
     * {@code rclone copy SOURCE DESTINATION}: copies new and changed files, deleting nothing.
     * With {@code dryRun}, nothing changes and each change rclone would make is reported.
     */
    public void copy(String source, String destination, boolean dryRun) throws IOException, InterruptedException {
        transfer("copy", source, destination, dryRun);
    }

    private void transfer(String subcommand, String source, String destination, boolean dryRun)
            throws IOException, InterruptedException {
        List<String> options = dryRun ? List.of("--dry-run") : List.of();
        Step.Command command = command(subcommand, options, source, destination);
        check(run(command, null, new TransferReporter(reporter), streaming()), subcommand, source);
    }

    /**
     * {@code rclone SUBCOMMAND OPTIONS [--config FILE] FLAGS -- PATHS}: subcommand options first,
     * then the configured config file and extra flags.
     */
    private Step.Command command(String subcommand, List<String> options, String... paths) {
        List<String> argv = new ArrayList<>();
        argv.add(binary);
        argv.add(subcommand);
        argv.addAll(options);
        if (config != null) {
            argv.add("--config");
            argv.add(config.toString());
        }
        argv.addAll(flags);
        argv.add("--");
        argv.addAll(List.of(paths));
        return new Step.Command(argv, Map.of(), PACKAGE);
    }

    private ProcessResult execute(String subcommand, List<String> options, byte[] stdin, String... paths)
            throws IOException, InterruptedException {
        return run(
                command(subcommand, options, paths),
                stdin,
                reporter,
                new Supervision(redactor, metadataStallTimeout(stallTimeout)));
    }

    private ProcessResult run(Step.Command command, byte[] stdin, Reporter output, Supervision supervision)
            throws IOException, InterruptedException {
        try {
            return ProcessRunner.run(command, stdin, RcloneLog.textToolOutput(output, binary), supervision);
        } catch (ToolNotFoundException e) {
            throw explain(e);
        } catch (StalledException e) {
            throw stalled(command, e);
        }
    }

    /**
     * The exception for an rclone call ended for moving no data, naming the command, e.g.
     * {@code rclone lsjson stalled: no data moved for 2m, so it was ended (rclone.stall-timeout): rclone lsjson … -- remote:db}.
     */
    public RcloneException stalled(Step.Command command, StalledException e) {
        String subcommand = command.argv().size() > 1 ? command.argv().get(1) : "";
        return new RcloneException(
                "rclone " + subcommand + " stalled: " + e.getMessage() + " (rclone.stall-timeout): "
                        + describe(command),
                RcloneException.STALLED,
                "");
    }

    /**
     * Turns the process layer's "not found" into an error that says how to install rclone or
     * where to point {@code rclone.binary}. For callers that start {@link #rcat} or {@link #cat}
     * in a pipeline themselves.
     */
    public ToolNotFoundException explain(ToolNotFoundException e) {
        String message = e.getMessage() != null && e.getMessage().endsWith("is not executable")
                ? "rclone at '" + binary + "' is not executable — fix its permissions or set rclone.binary"
                : "rclone not found at '" + binary + "' — install it (apt-get install rclone) or set rclone.binary";
        return new ToolNotFoundException(binary, message);
    }

    private static void check(ProcessResult result, String subcommand, String path) {
        if (result.exitCode() != 0) {
            throw failure(subcommand, path, result.exitCode(), result.stderr());
        }
    }

    /**
     * The exception for a failed rclone call, e.g.
     * {@code rclone lsjson remote:db failed (exit 1): didn't find section in config file}.
     * Public for callers that run {@link #rcat} or {@link #cat} in a pipeline themselves.
     *
     * @param stderr what rclone printed on standard error (its tail)
     */
    public static RcloneException failure(String subcommand, String path, int exitCode, String stderr) {
        String diagnostics = RcloneDiagnostics.withoutConfigNotice(RcloneLog.asTextLines(stderr));
        String last = RcloneDiagnostics.lastLine(diagnostics);
        String message = "rclone " + subcommand + " " + path + " failed (exit " + exitCode + ")"
                + (last.isEmpty() ? "" : ": " + last);
        return new RcloneException(message, exitCode, diagnostics);
    }
}
