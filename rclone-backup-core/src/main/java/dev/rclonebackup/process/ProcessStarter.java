package dev.rclonebackup.process;

import dev.rclonebackup.connector.Step;

import java.io.IOException;
import java.util.List;

/**
 * Builds {@link ProcessBuilder}s from command descriptions and turns "no such file" into a clear
 * error that names the tool and, when the command says which, the package that provides it.
 */
final class ProcessStarter {
    private ProcessStarter() {
    }

    static ProcessBuilder builder(Step.Command command) {
        ProcessBuilder builder = new ProcessBuilder(command.argv());
        builder.environment().putAll(command.environment());
        return builder;
    }

    /** Starts {@code command}, naming its package when the executable is missing. */
    static Process start(Step.Command command) throws IOException {
        return start(builder(command), command.packageHint());
    }

    static Process start(ProcessBuilder builder) throws IOException {
        return start(builder, null);
    }

    /** Starts {@code commands} joined by operating-system pipes, naming the package of a missing executable. */
    static List<Process> startCommandPipeline(List<Step.Command> commands) throws IOException {
        try {
            return ProcessBuilder.startPipeline(commands.stream().map(ProcessStarter::builder).toList());
        } catch (IOException e) {
            String tool = quotedTool(e);
            String hint = commands.stream().filter(c -> c.tool().equals(tool))
                    .map(Step.Command::packageHint).findFirst().orElse(null);
            throw tool == null ? e : notFoundOr(tool, hint, e);
        }
    }

    static List<Process> startPipeline(List<ProcessBuilder> builders) throws IOException {
        try {
            return ProcessBuilder.startPipeline(builders);
        } catch (IOException e) {
            String tool = quotedTool(e);
            throw tool == null ? e : notFoundOr(tool, null, e);
        }
    }

    private static Process start(ProcessBuilder builder, String packageHint) throws IOException {
        try {
            return builder.start();
        } catch (IOException e) {
            throw notFoundOr(builder.command().get(0), packageHint, e);
        }
    }

    /** The executable named in a "Cannot run program "x": error=2, …" message, or {@code null}. */
    private static String quotedTool(IOException e) {
        String message = String.valueOf(e.getMessage());
        int start = message.indexOf('"');
        int end = message.indexOf('"', start + 1);
        return start >= 0 && end > start ? message.substring(start + 1, end) : null;
    }

    private static IOException notFoundOr(String tool, String packageHint, IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("error=2,") || message.contains("No such file")) {
            String where = tool.contains("/") ? "" : " on PATH";
            String install = packageHint == null ? "" : " — install it with: apt-get install " + packageHint;
            throw new ToolNotFoundException(tool, tool + " not found" + where + install);
        }
        if (message.contains("error=13,")) {
            throw new ToolNotFoundException(tool, tool + " is not executable");
        }
        return e;
    }
}
