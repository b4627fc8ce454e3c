package dev.rclonebackup.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The custom connector of the "Custom connectors" section of docs/connectors.md, taken from that page,
 * compiled against the core and packaged in a jar, the way a user would build it.
 */
final class ReadmeConnectorJar {
    static final Path README =
            LauncherSandbox.REAL_LAUNCHER.getParent().getParent().resolve("docs/connectors.md");
    static final String SERVICE_FILE = "META-INF/services/dev.rclonebackup.connector.Connector";

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(package (\\S+);.*?)```", Pattern.DOTALL);
    private static final Pattern CONNECTOR_CLASS = Pattern.compile("public class (\\w+) implements Connector");

    /** The connector's fully qualified class name. */
    final String className;

    private final String source;

    private ReadmeConnectorJar(String className, String source) {
        this.className = className;
        this.source = source;
    }

    /** The first Java block of the page that declares a package and a class implementing Connector. */
    static ReadmeConnectorJar fromReadme() throws IOException {
        Matcher block = JAVA_BLOCK.matcher(Files.readString(README, StandardCharsets.UTF_8));
        while (block.find()) {
            Matcher connector = CONNECTOR_CLASS.matcher(block.group(1));
            if (connector.find()) {
                return new ReadmeConnectorJar(block.group(2) + "." + connector.group(1), block.group(1));
            }
        }
        throw new IllegalStateException(README + " has no Java example of a class implementing Connector");
    }

    /**
     * Compiles the connector against this test's class path (which holds the core) for Java 17
     * and writes it to {@code jar}, listed for ServiceLoader when {@code registered}.
     */
    Path build(Path workDirectory, Path jar, boolean registered) throws IOException {
        Path sourceFile = workDirectory.resolve("src").resolve(className.replace('.', '/') + ".java");
        Path classes = workDirectory.resolve("classes");
        Files.createDirectories(sourceFile.getParent());
        Files.createDirectories(classes);
        Files.writeString(sourceFile, source, StandardCharsets.UTF_8);
        compile(sourceFile, classes);

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

    private static void compile(Path sourceFile, Path classes) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException(
                    "These tests need a JDK: no Java compiler in " + System.getProperty("java.home"));
        }
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        List<String> arguments = List.of(
                "--release",
                "17",
                "-proc:none",
                "-Xlint:all",
                "-Werror",
                "-classpath",
                System.getProperty("java.class.path"),
                "-d",
                classes.toString(),
                sourceFile.toString());
        int status = compiler.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("The connector of docs/connectors.md does not compile:\n"
                    + diagnostics.toString(StandardCharsets.UTF_8));
        }
    }
}
