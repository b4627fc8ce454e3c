package dev.rclonebackup.cli.config;

import dev.rclonebackup.ConfigurationException;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLSchema;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A configuration file: where it is, how it is named in messages, and its YAML content as a
 * tree, read with the YAML 1.2 core schema ({@code ~} and {@code null} are null, {@code yes} is a
 * string). Duplicate keys are an error; so are several YAML documents in one file.
 *
 * @param path        the file to read
 * @param displayName the name messages start with: as the user gave it, or {@code rclone-backup.yml}
 */
record ConfigFile(Path path, String displayName) {
    private static final YAMLMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder().yamlSchema(YAMLSchema.CORE).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The top-level mapping; an empty file is an empty mapping. */
    ObjectNode read() {
        String text;
        try {
            text = Files.readString(path);
        } catch (CharacterCodingException e) {
            throw new ConfigurationException(displayName + ": is not UTF-8 text", e);
        } catch (IOException e) {
            throw new ConfigurationException(displayName + ": cannot be read (" + e.getMessage() + ")", e);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JacksonException e) {
            // Not chained: the parser's own message quotes the offending line, which may hold a password.
            throw new ConfigurationException(displayName + ": " + describe(e));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!root.isObject()) {
            throw new ConfigurationException(displayName + ": must hold a mapping of settings (remote:, rclone:, db: …) "
                    + "at the top level, not " + ValueReader.shown("", root));
        }
        return (ObjectNode) root;
    }

    /** One line saying what is wrong and where, without the YAML library's multi-line excerpt. */
    private static String describe(JacksonException e) {
        if (e.getCause() instanceof MarkedYamlEngineException yaml && yaml.getProblemMark().isPresent()) {
            Mark mark = yaml.getProblemMark().get();
            String context = yaml.getContext() == null ? "" : yaml.getContext() + ": ";
            return "is not valid YAML at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1)
                    + ": " + context + yaml.getProblem();
        }
        String problem = e.getOriginalMessage();
        if (problem.startsWith("Duplicate Object property")) {
            problem = "the key " + problem.substring("Duplicate Object property".length()).trim() + " appears twice in the same mapping";
        } else if (problem.startsWith("Trailing token")) {
            problem = "a second YAML document starts here; the file must hold a single one";
        } else {
            problem = problem.lines().findFirst().orElse(problem);
        }
        TokenStreamLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return "is not valid YAML" + where + ": " + problem;
    }
}
