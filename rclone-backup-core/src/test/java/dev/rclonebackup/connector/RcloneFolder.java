package dev.rclonebackup.connector;

import java.nio.file.Path;
import java.util.List;

/** A local folder used as an rclone remote: uploads with {@code rclone rcat}, downloads with {@code rclone cat}. */
final class RcloneFolder {
    private final Path folder;

    RcloneFolder(Path folder) {
        this.folder = folder;
    }

    /** Streams standard input into the object {@code name}. */
    Step.Command upload(String name) {
        return Step.command(List.of("rclone", "rcat", path(name).toString()), "rclone");
    }

    /** Streams the object {@code name} to standard output. */
    Step.Command download(String name) {
        return Step.command(List.of("rclone", "cat", path(name).toString()), "rclone");
    }

    Path path(String name) {
        return folder.resolve(name);
    }
}
