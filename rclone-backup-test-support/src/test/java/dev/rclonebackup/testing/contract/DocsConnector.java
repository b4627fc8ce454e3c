package dev.rclonebackup.testing.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The Java examples of docs/connectors.md (the custom connector and its contract test), taken from
 * that page and compiled against this module's test class path, so that the tests run exactly the
 * code the page shows.
 */
final class DocsConnector {
    static final Path PAGE =
            Path.of("..", "docs", "connectors.md").toAbsolutePath().normalize();
    static final String CONNECTOR = "com.example.backup.DirectoryConnector";
    static final String CONTRACT_TEST = "com.example.backup.DirectoryConnectorTest";

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(package (\\S+);.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS = Pattern.compile("^(?:public )?class (\\w+)", Pattern.MULTILINE);

    private DocsConnector() {}

    /** Compiles every Java block of the page that declares a package into {@code workDirectory}; loads from there. */
    static ClassLoader compile(Path workDirectory) throws IOException {
        Path classes = Files.createDirectories(workDirectory.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of(
                "--release",
                "17",
                "-proc:none",
                "-Xlint:all",
                "-Werror",
                "-classpath",
                System.getProperty("java.class.path"),
                "-d",
                classes.toString()));
        Matcher block = JAVA_BLOCK.matcher(Files.readString(PAGE, StandardCharsets.UTF_8));
        while (block.find()) {
            Matcher declared = CLASS.matcher(block.group(1));
            if (!declared.find()) {
                throw new IllegalStateException(PAGE + " has a Java example without a class:\n" + block.group(1));
            }
            Path source = workDirectory
                    .resolve("src")
                    .resolve(block.group(2).replace('.', '/'))
                    .resolve(declared.group(1) + ".java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, block.group(1), StandardCharsets.UTF_8);
            arguments.add(source.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException(
                    "This test needs a JDK: no Java compiler in " + System.getProperty("java.home"));
        }
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        if (compiler.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException(
                    "The examples of " + PAGE + " do not compile:\n" + diagnostics.toString(StandardCharsets.UTF_8));
        }
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, DocsConnector.class.getClassLoader());
    }
}
