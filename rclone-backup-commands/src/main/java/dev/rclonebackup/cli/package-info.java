/**
 * The {@code rclone-backup} command line: one picocli command per operation ({@code dbbackup},
 * {@code dbrestore}, {@code mediabackup}, {@code mediarestore}, {@code listbackups}) sharing the
 * common options. The commands only parse, print and map exit statuses; the work is done by
 * {@link dev.rclonebackup.RcloneBackup}. Entry point:
 * {@link dev.rclonebackup.cli.RcloneBackupCommandLine}; the stand-alone application (module
 * {@code rclone-backup-cli}) adds the YAML configuration file and signal handling.
 */
package dev.rclonebackup.cli;
