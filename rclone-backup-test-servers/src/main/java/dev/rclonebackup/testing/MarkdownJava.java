package dev.rclonebackup.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The Java examples of a Markdown page, compiled the way a user would compile them, so that tests
 * run exactly the code the documentation shows.
 */
public final class MarkdownJava {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(package (\\S+);.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS = Pattern.compile("^(?:public )?class (\\w+)", Pattern.MULTILINE);

    private MarkdownJava() {}

    /** The {@code java} blocks of {@code page} that declare a package, by the qualified name of their first class, in order. */
    public static Map<String, String> examples(Path page) throws IOException {
        Map<String, String> examples = new LinkedHashMap<>();
        Matcher block = JAVA_BLOCK.matcher(Files.readString(page, StandardCharsets.UTF_8));
        while (block.find()) {
            Matcher declared = CLASS.matcher(block.group(1));
            if (!declared.find()) {
                throw new IllegalStateException(page + " has a Java example without a class:\n" + block.group(1));
            }
            examples.put(block.group(2) + "." + declared.group(1), block.group(1));
        }
        return examples;
    }

    /**
     * Compiles {@code sources} (by qualified class name) for Java 17 against this JVM's class path,
     * failing on any warning, into {@code workDirectory/classes}, which it returns.
     */
    public static Path compile(Map<String, String> sources, Path workDirectory) throws IOException {
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
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = workDirectory.resolve("src").resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            arguments.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException(
                    "These tests need a JDK: no Java compiler in " + System.getProperty("java.home"));
        }
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        if (compiler.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("The examples " + sources.keySet() + " do not compile:\n"
                    + diagnostics.toString(StandardCharsets.UTF_8));
        }
        return classes;
    }
}
