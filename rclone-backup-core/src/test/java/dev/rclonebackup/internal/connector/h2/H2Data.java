package dev.rclonebackup.internal.connector.h2;

import dev.rclonebackup.connector.Database;
import java.math.BigDecimal;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Test data in an H2 database, and a row-by-row picture of a database's content. */
final class H2Data {
    static final String TRICKY_TEXT =
            "semi;colon 'single' \"double\" -- not a comment /* nor this */ $$\nsecond line;\r\n";
    static final String UNICODE_TEXT = "Zürich — 東京 ✓ 😀";

    private H2Data() {}

    static Database database(String url) {
        return new Database("app", "h2", null, null, null, "sa", "s3cret-pw", url, Map.of());
    }

    static Connection open(Database database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.username(), database.password());
    }

    /** Two related tables covering the common types, NULLs, tricky strings and a large BLOB. */
    static void populate(Database database) throws SQLException {
        try (Connection connection = open(database);
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(200) NOT NULL, vip BOOLEAN);
                    CREATE TABLE invoice (
                        id BIGINT PRIMARY KEY, customer_id INT REFERENCES customer(id), amount DECIMAL(12, 4),
                        note VARCHAR(500), issued DATE, created TIMESTAMP, paid BOOLEAN, scan BLOB);
                    CREATE INDEX invoice_issued ON invoice(issued);
                    CREATE SEQUENCE invoice_number START WITH 1000;
                    CREATE VIEW unpaid AS SELECT id, amount FROM invoice WHERE NOT paid;
                    """);
            statement.execute("INSERT INTO customer VALUES (1, '" + UNICODE_TEXT + "', TRUE), (2, 'O''Brien', NULL)");
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO invoice VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                addInvoice(
                        insert,
                        9_000_000_000L,
                        1,
                        new BigDecimal("12345678.9012"),
                        TRICKY_TEXT,
                        Date.valueOf("2024-02-29"),
                        Timestamp.valueOf("2024-01-15 12:00:00.123456"),
                        true,
                        randomBytes(40_000));
                addInvoice(
                        insert,
                        2,
                        2,
                        new BigDecimal("-0.0001"),
                        UNICODE_TEXT,
                        Date.valueOf("1970-01-01"),
                        Timestamp.valueOf("1999-12-31 23:59:59"),
                        false,
                        new byte[] {0, (byte) 0xFF, 10});
                addInvoice(insert, 3, null, null, null, null, null, null, null);
            }
            statement.execute("SELECT NEXT VALUE FOR invoice_number");
        }
    }

    private static void addInvoice(PreparedStatement insert, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            insert.setObject(i + 1, values[i]);
        }
        insert.execute();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    /** Every row of every table in the PUBLIC schema, by table, in primary-key order; BLOBs as hex. */
    static Map<String, List<List<Object>>> content(Database database) throws SQLException {
        Map<String, List<List<Object>>> content = new LinkedHashMap<>();
        try (Connection connection = open(database);
                Statement statement = connection.createStatement()) {
            for (String table : tables(statement)) {
                content.put(table, rows(statement, table));
            }
        }
        return content;
    }

    private static List<String> tables(Statement statement) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static List<List<Object>> rows(Statement statement, String table) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY 1")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    row.add(comparable(rs.getObject(column)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static Object comparable(Object value) throws SQLException {
        if (value instanceof Blob blob) {
            return HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        return value;
    }

    /** The next value of the test sequence, to check sequences survive. */
    static long nextInvoiceNumber(Database database) throws SQLException {
        try (Connection connection = open(database);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT NEXT VALUE FOR invoice_number")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
