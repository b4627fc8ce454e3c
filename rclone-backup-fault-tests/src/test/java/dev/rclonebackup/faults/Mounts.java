package dev.rclonebackup.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Small tmpfs file systems mounted over a test's folders, to give rclone a remote that is really
 * read-only or really full. Mounting needs root (or CAP_SYS_ADMIN); {@link #tmpfs} says whether
 * the machine allowed it so the caller can fall back to another way of injecting the fault.
 */
final class Mounts implements AutoCloseable {
    private final List<Path> mounted = new ArrayList<>();

    /** Mounts a tmpfs with {@code options} (e.g. {@code size=256k}, {@code ro}) on {@code folder}; false when not allowed. */
    boolean tmpfs(Path folder, String options) {
        if (run("mount", "-t", "tmpfs", "-o", options, "tmpfs", folder.toString())) {
            mounted.add(folder);
            return true;
        }
        return false;
    }

    /** Makes {@code folder} read-only even for root, with a read-only bind mount on itself; false when not allowed. */
    boolean readOnly(Path folder) {
        if (!run("mount", "--bind", folder.toString(), folder.toString())) {
            return false;
        }
        mounted.add(folder);
        return run("mount", "-o", "remount,ro,bind", folder.toString());
    }

    @Override
    public void close() {
        for (Path folder : mounted) {
            if (!run("umount", folder.toString())) {
                run("umount", "-l", folder.toString());
            }
        }
        mounted.clear();
    }

    private static boolean run(String... command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
