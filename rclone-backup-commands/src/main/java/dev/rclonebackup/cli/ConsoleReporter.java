package dev.rclonebackup.cli;

import dev.rclonebackup.Reporter;
import java.io.PrintStream;
import java.util.List;

/**
 * Prints what the operations report, filtered by verbosity: 0 nothing, 1 info and success lines
 * on stdout and warnings on stderr, 2 adds detail lines, 3 adds the tools' own diagnostics on stderr (prefixed with the
 * tool's name). A live progress line is drawn on stderr with carriage returns when enabled
 * (verbosity 1 or more on a terminal), and is wiped before any other line is printed.
 * Thread-safe: tools report from background threads.
 */
final class ConsoleReporter implements Reporter {
    private final PrintStream out;
    private final PrintStream messages;
    private final PrintStream err;
    private final int verbosity;
    private final boolean outColor;
    private final boolean errColor;
    private final boolean showProgress;
    private int progressWidth;

    ConsoleReporter(
            PrintStream out, PrintStream err, int verbosity, boolean outColor, boolean errColor, boolean showProgress) {
        this(out, out, err, verbosity, outColor, errColor, showProgress);
    }

    private ConsoleReporter(
            PrintStream out,
            PrintStream messages,
            PrintStream err,
            int verbosity,
            boolean outColor,
            boolean errColor,
            boolean showProgress) {
        this.out = out;
        this.messages = messages;
        this.err = err;
        this.verbosity = verbosity;
        this.outColor = outColor;
        this.errColor = errColor;
        this.showProgress = showProgress && verbosity >= 1;
    }

    /** A reporter for {@code context} configured by the command's common options. */
    static ConsoleReporter of(CliContext context, CommonOptions options) {
        Boolean override = options.colorOverride();
        return new ConsoleReporter(
                context.out(),
                context.err(),
                options.verbosity(),
                Colors.enabled(override, context.environment(), context.outIsTerminal()),
                Colors.enabled(override, context.environment(), context.errIsTerminal()),
                context.errIsTerminal());
    }

    /**
     * This reporter with its info, success and detail lines on stderr (uncoloured unless stderr
     * takes colour), so that stdout carries nothing but the results: for machine-readable output.
     */
    ConsoleReporter messagesOnStderr() {
        return new ConsoleReporter(out, err, err, verbosity, errColor, errColor, showProgress);
    }

    @Override
    public void info(String message) {
        if (verbosity >= 1) {
            println(messages, message);
        }
    }

    @Override
    public void success(String message) {
        if (verbosity >= 1) {
            println(messages, Colors.green(message, outColor));
        }
    }

    /** Prints {@code Warning: MESSAGE} on stderr at verbosity 1 and above. */
    @Override
    public void warning(String message) {
        if (verbosity >= 1) {
            println(err, "Warning: " + message);
        }
    }

    /** Prints {@code Error: MESSAGE} on stderr whatever the verbosity, as a failure that ends a command would be. */
    @Override
    public void failure(String message) {
        error(FailureHandler.ERROR_PREFIX + message);
    }

    @Override
    public void detail(String message) {
        if (verbosity >= 2) {
            println(messages, message);
        }
    }

    @Override
    public void toolOutput(String tool, String line) {
        if (verbosity >= 3) {
            println(err, tool.substring(tool.lastIndexOf('/') + 1) + ": " + line);
        }
    }

    @Override
    public synchronized void progress(long bytes, double bytesPerSecond) {
        if (!showProgress) {
            return;
        }
        String line = "Transferred " + ListingFormat.size(bytes) + " (" + ListingFormat.size(Math.round(bytesPerSecond))
                + "/s)";
        err.print("\r" + line + " ".repeat(Math.max(0, progressWidth - line.length())));
        err.flush();
        progressWidth = line.length();
    }

    @Override
    public synchronized void progressDone() {
        clearProgress();
    }

    /** Prints an error sentence on stderr, red when colour is on, whatever the verbosity. */
    synchronized void error(String message) {
        println(err, Colors.red(message, errColor));
    }

    /** Prints a result (such as a listing) on stdout, whatever the verbosity. */
    synchronized void result(String line) {
        println(out, line);
    }

    /** Prints a result that is a failure on stdout, red when colour is on, whatever the verbosity. */
    synchronized void failedResult(String line) {
        println(out, Colors.red(line, outColor));
    }

    /** Several lines of {@link #result(String)}, written out at once. */
    void results(List<String> lines) {
        println(out, lines);
    }

    private void println(PrintStream stream, String line) {
        println(stream, List.of(line));
    }

    private synchronized void println(PrintStream stream, List<String> lines) {
        clearProgress();
        // One write: System.out flushes at every line, which costs a system call per row of a listing.
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append(System.lineSeparator());
        }
        stream.print(text);
        stream.flush();
    }

    private void clearProgress() {
        if (progressWidth > 0) {
            err.print("\r" + " ".repeat(progressWidth) + "\r");
            err.flush();
            progressWidth = 0;
        }
    }
}
