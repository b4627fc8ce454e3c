package dev.rclonebackup.testing.contract;

import dev.rclonebackup.testing.MarkdownJava;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * The Java examples of docs/connectors.md (the custom connector and its contract test), taken from
 * that page and compiled against this module's test class path.
 */
final class DocsConnector {
    static final Path PAGE =
            Path.of("..", "docs", "connectors.md").toAbsolutePath().normalize();
    static final String CONNECTOR = "com.example.backup.DirectoryConnector";
    static final String CONTRACT_TEST = "com.example.backup.DirectoryConnectorTest";

    private DocsConnector() {}

    /** Compiles every example of the page into {@code workDirectory}; loads from there. */
    static ClassLoader compile(Path workDirectory) throws IOException {
        Path classes = MarkdownJava.compile(MarkdownJava.examples(PAGE), workDirectory);
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, DocsConnector.class.getClassLoader());
    }
}
