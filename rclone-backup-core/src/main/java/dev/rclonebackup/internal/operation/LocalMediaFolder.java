package dev.rclonebackup.internal.operation;

import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.Set;

/**
 * Looks through the local media folder before a sync, as rclone will see it. When symbolic
 * links are followed the whole tree is walked, so that a link loop (which rclone would follow
 * some forty levels deep, copying the same files over and over, before failing) and a broken
 * link (which makes rclone's sync fail) are refused up front, each naming the link. A folder
 * that cannot be read is reported with its path and the reason.
 */
final class LocalMediaFolder {
    private final Path root;
    private final boolean followLinks;

    /**
     * @param root        {@code media.root}
     * @param followLinks whether rclone is to follow symbolic links ({@code media.follow-symlinks})
     */
    LocalMediaFolder(Path root, boolean followLinks) {
        this.root = root;
        this.followLinks = followLinks;
    }

    /**
     * Whether the folder exists and holds at least one file at any depth (through links when
     * they are followed). Without links to follow, stops at the first file.
     *
     * @throws RcloneBackupException when a folder cannot be read, or, following links, on a
     *                               link loop or a broken link
     */
    boolean check() throws IOException {
        if (!Files.isDirectory(root)) {
            return false;
        }
        // The real path, so that a media.root which is itself a link is walked even when links are not followed.
        Path start = root.toRealPath();
        Set<FileVisitOption> options =
                followLinks ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : EnumSet.noneOf(FileVisitOption.class);
        boolean[] found = {false};
        Files.walkFileTree(start, options, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    found[0] = true;
                    return followLinks ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
                }
                if (followLinks && attributes.isSymbolicLink()) {
                    throw refusal("has a broken symbolic link '" + shown(start, file)
                            + "' (its target does not exist), which rclone cannot follow; remove the link or set "
                            + "media.follow-symlinks to false to leave links out");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                throw failure(start, file, e);
            }

            @Override
            public FileVisitResult postVisitDirectory(Path folder, IOException e) {
                if (e != null) {
                    throw failure(start, folder, e);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found[0];
    }

    private RcloneBackupException failure(Path start, Path file, IOException e) {
        if (e instanceof FileSystemLoopException) {
            return refusal("has a symbolic link loop: '" + shown(start, file) + "' leads back to a folder it is in, "
                    + "which rclone would copy over and over; remove the link or set media.follow-symlinks to false");
        }
        return new RcloneBackupException(
                ErrorCode.OPERATION_FAILED,
                "Cannot read '" + shown(start, file) + "' in the media folder '" + root + "': " + reason(e) + ".",
                e);
    }

    private RcloneBackupException refusal(String problem) {
        return new RcloneBackupException(
                ErrorCode.OPERATION_FAILED, "The media folder '" + root + "' " + problem + "; nothing was synced.");
    }

    /** {@code file} under {@code media.root} as configured, rather than under its real path. */
    private String shown(Path start, Path file) {
        return root.resolve(start.relativize(file)).toString();
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
