package dev.rclonebackup.cli.config;

import dev.rclonebackup.ConfigurationException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLSchema;

/**
 * A configuration file: where it is, how it is named in messages, and its YAML content as a
 * tree, read with the YAML 1.2 core schema ({@code ~} and {@code null} are null, {@code yes} is a
 * string). Duplicate keys are an error; so are several YAML documents in one file.
 *
 * <p>The tree is built from the YAML parser's tokens: maps, lists, strings, numbers, booleans
 * and {@code null}, as the core's {@code SettingsReader} reads them; no object mapper is needed.
 *
 * @param path        the file to read
 * @param displayName the name messages start with: as the user gave it, or {@code rclone-backup.yml}
 */
record ConfigFile(Path path, String displayName) {
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .yamlSchema(YAMLSchema.CORE)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The top-level mapping; an empty file is an empty mapping. */
    @SuppressWarnings("unchecked")
    Map<String, Object> read() {
        String text;
        // Through java.io rather than Files.readString, whose channel classes a command loads for nothing else.
        try (InputStream in = new FileInputStream(path.toFile())) {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(in.readAllBytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ConfigurationException(displayName + ": is not UTF-8 text", e);
        } catch (IOException e) {
            throw new ConfigurationException(displayName + ": cannot be read (" + e.getMessage() + ")", e);
        }
        Object root;
        try (JsonParser parser = YAML.createParser(ObjectReadContext.empty(), text)) {
            root = parser.nextToken() == null ? null : node(parser);
            if (parser.nextToken() != null) {
                throw new ConfigurationException(displayName + ": is not valid YAML" + at(parser.currentTokenLocation())
                        + ": a second YAML document starts here; the file must hold a single one");
            }
        } catch (JacksonException e) {
            // Not chained: the parser's own message quotes the offending line, which may hold a password.
            throw new ConfigurationException(displayName + ": " + describe(e));
        }
        if (root == null) {
            return new LinkedHashMap<>();
        }
        if (!(root instanceof Map)) {
            throw new ConfigurationException(
                    displayName + ": must hold a mapping of settings (remote:, rclone:, db: …) "
                            + "at the top level, not " + shown(root));
        }
        return (Map<String, Object>) root;
    }

    /** The value that starts at the parser's current token, read to its end. */
    private static Object node(JsonParser parser) {
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> mapping = new LinkedHashMap<>();
                for (String key = parser.nextName(); key != null; key = parser.nextName()) {
                    parser.nextToken();
                    mapping.put(key, node(parser));
                }
                yield mapping;
            }
            case START_ARRAY -> {
                List<Object> sequence = new ArrayList<>();
                for (JsonToken token = parser.nextToken();
                        token != null && token != JsonToken.END_ARRAY;
                        token = parser.nextToken()) {
                    sequence.add(node(parser));
                }
                yield sequence;
            }
            case VALUE_STRING -> parser.getString();
            case VALUE_NUMBER_INT ->
                switch (parser.getNumberType()) {
                    case INT -> parser.getIntValue();
                    case LONG -> parser.getLongValue();
                    default -> parser.getBigIntegerValue();
                };
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE, VALUE_FALSE -> parser.getBooleanValue();
            case VALUE_EMBEDDED_OBJECT -> parser.getEmbeddedObject();
            default -> null;
        };
    }

    private static String shown(Object value) {
        if (value instanceof List) {
            return "a list";
        }
        return value instanceof String ? "a string" : "a single value";
    }

    private static String at(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 1
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** One line saying what is wrong and where, without the YAML library's multi-line excerpt. */
    private static String describe(JacksonException e) {
        if (e.getCause() instanceof MarkedYamlEngineException yaml
                && yaml.getProblemMark().isPresent()) {
            Mark mark = yaml.getProblemMark().get();
            String context = yaml.getContext() == null ? "" : yaml.getContext() + ": ";
            return "is not valid YAML at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": "
                    + context + yaml.getProblem();
        }
        String problem = e.getOriginalMessage();
        if (problem.startsWith("Duplicate Object property")) {
            problem = "the key "
                    + problem.substring("Duplicate Object property".length()).trim()
                    + " appears twice in the same mapping";
        } else {
            problem = problem.lines().findFirst().orElse(problem);
        }
        return "is not valid YAML" + at(e.getLocation()) + ": " + problem;
    }
}
