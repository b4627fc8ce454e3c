package dev.rclonebackup.spring;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** An H2 file database with one table and one row, standing for an application's database. */
record H2Database(String url) {
    static final String USER = "app";
    static final String PASSWORD = "s3cret pass";

    static H2Database create(Path folder) throws SQLException {
        H2Database database = new H2Database("jdbc:h2:file:" + folder.resolve("app"));
        try (Connection connection = DriverManager.getConnection(database.url(), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes(id INT PRIMARY KEY, text VARCHAR(100))");
            statement.execute("INSERT INTO notes VALUES (1, 'buy milk')");
        }
        return database;
    }

    /** The Spring properties that make it the application's data source. */
    String[] dataSourceProperties() {
        return new String[] {
            "spring.datasource.url=" + url,
            "spring.datasource.username=" + USER,
            "spring.datasource.password=" + PASSWORD
        };
    }
}
