package dev.rclonebackup.cli;

import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.RestoreConfirmation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Asks {@code Restore database 'ALIAS' from 'db/NAME'? [y/N] } (with {@code (a backup of 'SOURCE')}
 * before the question mark when restoring another database's backup) and reads one line: {@code y} or
 * {@code yes} (any case) proceeds, anything else cancels. An input that ends before an answer
 * (or no input at all) cannot confirm anything, so it is a usage error that suggests
 * {@code --noinput}. The line is read on a helper thread so that the wait stays interruptible
 * (Ctrl-C at the prompt ends the command at once).
 */
final class PromptConfirmation implements RestoreConfirmation {
    private final InputStream in;
    private final PrintStream out;

    PromptConfirmation(InputStream in, PrintStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public boolean confirm(String database, String path) {
        return confirm(database, path, database);
    }

    @Override
    public boolean confirm(String database, String path, String from) {
        out.print("Restore database '" + database + "' from '" + path + "'"
                + (from.equals(database) ? "" : " (a backup of '" + from + "')") + "? [y/N] ");
        out.flush();
        String answer = readLine();
        if (answer == null) {
            out.println();
            throw new RcloneBackupException(
                    ErrorCode.USAGE,
                    "No answer to the restore confirmation: standard input ended; pass --noinput to restore without asking");
        }
        String normalized = answer.strip().toLowerCase(Locale.ROOT);
        return normalized.equals("y") || normalized.equals("yes");
    }

    private String readLine() {
        if (in == null) {
            return null;
        }
        CompletableFuture<String> line = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try {
                        line.complete(
                                new BufferedReader(new InputStreamReader(in, Charset.defaultCharset())).readLine());
                    } catch (IOException | RuntimeException e) {
                        line.completeExceptionally(e);
                    }
                },
                "rclone-backup-prompt");
        reader.setDaemon(true);
        reader.start();
        try {
            return line.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println();
            throw new RcloneBackupException(
                    ErrorCode.INTERRUPTED, "Interrupted at the restore confirmation; nothing was changed", e);
        } catch (ExecutionException e) {
            throw new RcloneBackupException(
                    ErrorCode.USAGE,
                    "Could not read the answer to the restore confirmation ("
                            + e.getCause().getMessage() + "); pass --noinput to restore without asking",
                    e.getCause());
        }
    }
}
