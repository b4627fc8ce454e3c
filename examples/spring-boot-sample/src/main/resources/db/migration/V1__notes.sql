-- SERIAL means an auto-incremented integer to H2, PostgreSQL and MariaDB alike.
CREATE TABLE IF NOT EXISTS notes (
    id   SERIAL PRIMARY KEY,
    text VARCHAR(1000) NOT NULL
);
