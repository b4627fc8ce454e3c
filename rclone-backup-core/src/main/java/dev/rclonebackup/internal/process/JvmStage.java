package dev.rclonebackup.internal.process;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/** An in-JVM writer or reader running on its own thread, connected to a process's stdin or stdout. */
final class JvmStage implements RunningStage {

    /** The body of the stage; {@code close} releases the stream it works on. */
    interface Body {
        void run() throws IOException;
    }

    private final String tool;
    private final Thread thread;
    private final AutoCloseable stream;
    private final CompletableFuture<StageResult> finished = new CompletableFuture<>();

    JvmStage(String tool, Body body, AutoCloseable stream) {
        this.tool = tool;
        this.stream = stream;
        this.thread = Daemons.start("jvm-" + tool, () -> run(body));
    }

    private void run(Body body) {
        int exit = 0;
        String message = "";
        boolean brokenPipe = false;
        try {
            body.run();
        } catch (IOException e) {
            exit = 1;
            message = String.valueOf(e.getMessage());
            brokenPipe = BrokenPipe.isBrokenPipe(e);
        } catch (RuntimeException e) {
            exit = 1;
            message = e.getClass().getSimpleName() + ": " + e.getMessage();
        } finally {
            closeQuietly();
        }
        finished.complete(new StageResult(tool, exit, message, brokenPipe, System.nanoTime()));
    }

    private void closeQuietly() {
        try {
            stream.close();
        } catch (Exception ignored) {
            // Closing is only to signal end of stream to the other end.
        }
    }

    @Override
    public CompletableFuture<StageResult> finished() {
        return finished;
    }

    @Override
    public void kill() {
        thread.interrupt();
        closeQuietly();
    }
}
