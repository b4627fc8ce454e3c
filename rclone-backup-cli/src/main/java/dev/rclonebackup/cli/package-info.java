/**
 * The {@code rclone-backup} command line: one picocli command per operation ({@code dbbackup},
 * {@code dbrestore}, {@code mediabackup}, {@code mediarestore}, {@code listbackups}) sharing the
 * common options. The commands only parse, print and map exit statuses; the work is done by
 * {@link dev.rclonebackup.RcloneBackup}. Entry point: {@link dev.rclonebackup.cli.Main}.
 */
package dev.rclonebackup.cli;
