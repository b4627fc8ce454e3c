/**
 * The core's implementation: operations, the process pipeline, the rclone client, naming,
 * secrets, notifications and the built-in connectors. Nothing here is an API: it may change in
 * any release. Programs use {@link dev.rclonebackup} and {@link dev.rclonebackup.settings};
 * custom connectors implement {@link dev.rclonebackup.connector}.
 */
package dev.rclonebackup.internal;
