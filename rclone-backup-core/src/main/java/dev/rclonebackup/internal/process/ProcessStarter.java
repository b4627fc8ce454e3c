package dev.rclonebackup.internal.process;

import dev.rclonebackup.connector.Step;
import java.io.IOException;
import java.util.List;

/**
 * Builds {@link ProcessBuilder}s from command descriptions and turns "no such file" into a clear
 * error that names the tool and, when the command says which, the package that provides it.
 */
final class ProcessStarter {
    private ProcessStarter() {}

    static ProcessBuilder builder(Step.Command command) {
        ProcessBuilder builder = new ProcessBuilder(command.argv());
        builder.environment().putAll(command.environment());
        return builder;
    }

    /** Starts {@code command}, naming its package when the executable is missing. */
    static Process start(Step.Command command) throws IOException {
        return start(builder(command), command);
    }

    /**
     * Starts {@code builder}, made by {@link #builder} from {@code command} and possibly adjusted
     * (redirects); a missing executable is reported with the package {@code command} names.
     */
    static Process start(ProcessBuilder builder, Step.Command command) throws IOException {
        try {
            return builder.start();
        } catch (IOException e) {
            throw notFoundOr(builder.command().get(0), command.packageHint(), e);
        }
    }

    /**
     * Starts {@code builders} joined by operating-system pipes; {@code commands} are what they
     * were made from, in the same order, and name the package of a missing executable.
     */
    static List<Process> startPipeline(List<ProcessBuilder> builders, List<Step.Command> commands) throws IOException {
        try {
            return ProcessBuilder.startPipeline(builders);
        } catch (IOException e) {
            String tool = quotedTool(e);
            if (tool == null) {
                throw e;
            }
            String hint = commands.stream()
                    .filter(command -> command.tool().equals(tool))
                    .map(Step.Command::packageHint)
                    .findFirst()
                    .orElse(null);
            throw notFoundOr(tool, hint, e);
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
