package dev.rclonebackup.cli;

import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.internal.secrets.Redactor;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns failures into one sentence on stderr (red when colour is on) and an exit status: usage
 * errors 2, {@link RcloneBackupException}s their {@link ErrorCode#exitCode()}, anything
 * unexpected 1. The stack trace is printed only with {@code --traceback}.
 */
final class FailureHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final String ERROR_PREFIX = "Error: ";

    private final CliContext context;

    FailureHandler(CliContext context) {
        this.context = context;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintStream err = context.err();
        String misplaced = misplacedCommandOption(ex);
        String message = misplaced != null ? misplaced : usageMessage(ex);
        err.println(Colors.red(ERROR_PREFIX + message, colorFromRawArguments(args)));
        if (misplaced == null) {
            UnmatchedArgumentException.printSuggestions(ex, err);
        }
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        CommonOptions options =
                command.getCommand() instanceof OperationCommand<?> operation ? operation.commonOptions() : null;
        boolean traceback = options != null && options.traceback();
        boolean color = options != null
                ? Colors.enabled(options.colorOverride(), context.environment(), context.errIsTerminal())
                : colorFromRawArguments(parseResult.originalArgs().toArray(new String[0]));
        int exitCode;
        String message;
        if (ex instanceof RcloneBackupException failure) {
            exitCode = failure.errorCode().exitCode();
            message = failure.errorCode() == ErrorCode.INTERRUPTED || failure instanceof RunSummaryFailure
                    ? failure.getMessage()
                    : ERROR_PREFIX + failure.getMessage();
        } else {
            exitCode = ErrorCode.OPERATION_FAILED.exitCode();
            message = ERROR_PREFIX + "unexpected " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + Redactor.POSITIONAL.text(ex.getMessage()))
                    + (traceback ? "" : " (run again with --traceback to see where it happened)");
        }
        PrintStream err = context.err();
        err.println(Colors.red(message, color));
        if (traceback) {
            ex.printStackTrace(err);
        }
        err.flush();
        return exitCode;
    }

    /** An unknown first word is an unknown command, which picocli would call an "unmatched argument". */
    private static String usageMessage(ParameterException ex) {
        CommandLine command = ex.getCommandLine();
        if (ex instanceof UnmatchedArgumentException unmatchedArguments && command.getParent() == null) {
            List<String> unmatched = unmatchedArguments.getUnmatched();
            if (!unmatched.isEmpty() && !unmatched.get(0).startsWith("-")) {
                return "Unknown command '" + unmatched.get(0) + "'; use one of "
                        + String.join(", ", RcloneBackupCommandLine.COMMAND_NAMES);
            }
        }
        return ex.getMessage();
    }

    /** A command's option given before the command ({@code rclone-backup -v 2 dbbackup}), or null. */
    private static String misplacedCommandOption(ParameterException ex) {
        CommandLine command = ex.getCommandLine();
        if (!(ex instanceof UnmatchedArgumentException unmatchedArguments)
                || command.getParent() != null
                || unmatchedArguments.getUnmatched().isEmpty()) {
            return null;
        }
        String option = unmatchedArguments.getUnmatched().get(0).split("=", 2)[0];
        boolean commandOption = option.startsWith("-")
                && command.getSubcommands().values().stream()
                        .anyMatch(subcommand -> subcommand.getCommandSpec().findOption(option) != null);
        return commandOption
                ? "Option " + option + " belongs after the command, e.g. 'rclone-backup dbbackup " + option + " ...'"
                : null;
    }

    /** Colour for a failure that happened before the options could be parsed. */
    private boolean colorFromRawArguments(String[] args) {
        return Colors.enabled(Colors.overrideIn(args), context.environment(), context.errIsTerminal());
    }
}
