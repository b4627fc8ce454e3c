package dev.rclonebackup.process;

import dev.rclonebackup.connector.Step;

import java.io.IOException;
import java.util.List;

/** Builds {@link ProcessBuilder}s from command descriptions and turns "no such file" into a clear error. */
final class ProcessStarter {
    private ProcessStarter() {
    }

    static ProcessBuilder builder(Step.Command command) {
        ProcessBuilder builder = new ProcessBuilder(command.argv());
        builder.environment().putAll(command.environment());
        return builder;
    }

    static Process start(ProcessBuilder builder) throws IOException {
        try {
            return builder.start();
        } catch (IOException e) {
            throw notFoundOr(builder.command().get(0), e);
        }
    }

    static List<Process> startPipeline(List<ProcessBuilder> builders) throws IOException {
        try {
            return ProcessBuilder.startPipeline(builders);
        } catch (IOException e) {
            throw notFoundOr(e);
        }
    }

    private static IOException notFoundOr(IOException e) {
        String message = String.valueOf(e.getMessage());
        int start = message.indexOf('"');
        int end = message.indexOf('"', start + 1);
        if (start >= 0 && end > start) {
            return notFoundOr(message.substring(start + 1, end), e);
        }
        return e;
    }

    private static IOException notFoundOr(String tool, IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("error=2,") || message.contains("No such file")) {
            throw new ToolNotFoundException(tool, tool + " not found");
        }
        if (message.contains("error=13,")) {
            throw new ToolNotFoundException(tool, tool + " is not executable");
        }
        return e;
    }
}
