package dev.rclonebackup.testing.contract;

import dev.rclonebackup.connector.Connector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The custom connector of the "Custom connectors" section of docs/connectors.md, taken from that
 * page and compiled against the core, so that its test runs exactly the code the page shows.
 */
final class DocsConnector {
    static final Path PAGE =
            Path.of("..", "docs", "connectors.md").toAbsolutePath().normalize();

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(package (\\S+);.*?)```", Pattern.DOTALL);
    private static final Pattern CONNECTOR_CLASS = Pattern.compile("public class (\\w+) implements Connector");

    private DocsConnector() {}

    /**
     * A new instance of the first class of the page that declares a package and implements
     * Connector, compiled into {@code workDirectory}.
     */
    static Connector compile(Path workDirectory) throws IOException, ReflectiveOperationException {
        Matcher block = JAVA_BLOCK.matcher(Files.readString(PAGE, StandardCharsets.UTF_8));
        while (block.find()) {
            Matcher connector = CONNECTOR_CLASS.matcher(block.group(1));
            if (connector.find()) {
                String className = block.group(2) + "." + connector.group(1);
                Path classes = compile(workDirectory, className, block.group(1));
                URLClassLoader loader =
                        new URLClassLoader(new URL[] {classes.toUri().toURL()}, DocsConnector.class.getClassLoader());
                return loader.loadClass(className)
                        .asSubclass(Connector.class)
                        .getConstructor()
                        .newInstance();
            }
        }
        throw new IllegalStateException(PAGE + " has no Java example of a class implementing Connector");
    }

    private static Path compile(Path workDirectory, String className, String source) throws IOException {
        Path sourceFile = workDirectory.resolve("src").resolve(className.replace('.', '/') + ".java");
        Path classes = workDirectory.resolve("classes");
        Files.createDirectories(sourceFile.getParent());
        Files.createDirectories(classes);
        Files.writeString(sourceFile, source, StandardCharsets.UTF_8);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException(
                    "This test needs a JDK: no Java compiler in " + System.getProperty("java.home"));
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
        if (compiler.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException(
                    "The connector of " + PAGE + " does not compile:\n" + diagnostics.toString(StandardCharsets.UTF_8));
        }
        return classes;
    }
}
