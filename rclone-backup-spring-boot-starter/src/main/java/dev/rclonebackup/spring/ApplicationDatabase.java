package dev.rclonebackup.spring;

/**
 * The JDBC connection details of the application's own data source, which becomes the database
 * {@code default} unless {@code rclone-backup.databases.default} is set.
 *
 * @param url      the JDBC URL
 * @param username the user name, or null
 * @param password the password, or null
 */
public record ApplicationDatabase(String url, String username, String password) {

    @Override
    public String toString() {
        return "ApplicationDatabase[url=" + url + ", username=" + username + "]";
    }
}
