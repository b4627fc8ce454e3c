import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The least a listbackups built on the same libraries has to do: picocli parses the same
 * options, Jackson reads the YAML configuration, rclone lsjson lists the folder, Jackson's
 * streaming parser reads the listing, and one line per file is printed.
 */
@Command(name = "listbackups", mixinStandardHelpOptions = true)
public class LibraryFloor implements Callable<Integer> {
    @Option(names = {"-d", "--database"}) String database;
    @Option(names = "--media") boolean media;
    @Option(names = {"-v", "--verbosity"}, defaultValue = "1") int verbosity;
    @Option(names = "--no-color") boolean noColor;
    @Option(names = "--force-color") boolean forceColor;
    @Option(names = "--config") File config;
    @Option(names = "--traceback") boolean traceback;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LibraryFloor()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        String remote = null;
        File file = config != null ? config : new File(System.getenv("RCLONE_BACKUP_CONFIG"));
        try (JsonParser yaml = YAMLFactory.builder().build().createParser(ObjectReadContext.empty(), file)) {
            for (JsonToken token = yaml.nextToken(); token != null; token = yaml.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME && yaml.streamReadContext().getParent().inRoot()
                        && yaml.currentName().equals("remote")) {
                    yaml.nextToken();
                    remote = yaml.getString();
                }
            }
        }
        Process rclone = new ProcessBuilder("rclone", "lsjson", "--files-only", "--no-mimetype", "--", remote + "/db")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        try (JsonParser json = JsonFactory.builder().build().createParser(ObjectReadContext.empty(), rclone.getInputStream())) {
            String name = null, size = null;
            for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME) {
                    String field = json.currentName();
                    json.nextToken();
                    switch (field) {
                        case "Name" -> name = json.getString();
                        case "Size" -> size = json.getString();
                        case "ModTime" -> lines.add(name + " " + size + " " + json.getString());
                        default -> { }
                    }
                }
            }
        }
        if (rclone.waitFor() != 0) {
            return 1;
        }
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append(line).append('\n'));
        System.out.print(out);
        System.out.flush();
        return 0;
    }
}
