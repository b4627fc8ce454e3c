package dev.rclonebackup.cli;

import dev.rclonebackup.testing.MarkdownJava;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The custom connector of the "Custom connectors" section of docs/connectors.md, taken from that page,
 * compiled against the core and packaged in a jar, the way a user would build it.
 */
final class ReadmeConnectorJar {
    static final Path README =
            LauncherSandbox.REAL_LAUNCHER.getParent().getParent().resolve("docs/connectors.md");
    static final String SERVICE_FILE = "META-INF/services/dev.rclonebackup.connector.Connector";

    private static final Pattern CONNECTOR_CLASS = Pattern.compile("public class (\\w+) implements Connector");

    /** The connector's fully qualified class name. */
    final String className;

    private final String source;

    private ReadmeConnectorJar(String className, String source) {
        this.className = className;
        this.source = source;
    }

    /** The first Java example of the page that declares a package and a class implementing Connector. */
    static ReadmeConnectorJar fromReadme() throws IOException {
        for (Map.Entry<String, String> example : MarkdownJava.examples(README).entrySet()) {
            if (CONNECTOR_CLASS.matcher(example.getValue()).find()) {
                return new ReadmeConnectorJar(example.getKey(), example.getValue());
            }
        }
        throw new IllegalStateException(README + " has no Java example of a class implementing Connector");
    }

    /**
     * Compiles the connector against this test's class path (which holds the core) for Java 17
     * and writes it to {@code jar}, listed for ServiceLoader when {@code registered}.
     */
    Path build(Path workDirectory, Path jar, boolean registered) throws IOException {
        Path classes = MarkdownJava.compile(Map.of(className, source), workDirectory);

        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> compiled = Files.walk(classes)) {
            for (Path classFile : compiled.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(
                        new JarEntry(classes.relativize(classFile).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(classFile));
                out.closeEntry();
            }
            if (registered) {
                out.putNextEntry(new JarEntry(SERVICE_FILE));
                out.write((className + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }
}
