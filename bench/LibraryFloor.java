import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The least a listbackups built on rclone-backup's libraries has to do, and nothing more:
 * picocli parses the same options (described in code, its cheapest way), Jackson reads the
 * YAML configuration for the remote, the same rclone lsjson lists the folder, Jackson's
 * streaming parser reads the listing, and one line per file is printed in one write. Like the
 * command line, it gives picocli a factory of its own, so that picocli's default one (whose set-up
 * searches the class path for Groovy) is never made.
 */
public final class LibraryFloor implements Callable<Integer> {
    private static final CommandLine.IFactory FACTORY = new CommandLine.IFactory() {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            return CommandLine.defaultFactory().create(type);
        }
    };

    private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this, FACTORY).name("listbackups");

    private LibraryFloor() {
        spec.addOption(OptionSpec.builder("-d", "--database").type(String.class).build());
        spec.addOption(OptionSpec.builder("-v", "--verbosity").type(int.class).defaultValue("1").build());
        spec.addOption(OptionSpec.builder("--config").type(Path.class).build());
        for (String flag : new String[] {"--media", "--no-color", "--force-color", "--traceback"}) {
            spec.addOption(OptionSpec.builder(flag).type(boolean.class).build());
        }
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).build());
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LibraryFloor().spec, FACTORY).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path config = spec.findOption("--config").getValue();
        File file = config != null ? config.toFile() : new File(System.getenv("RCLONE_BACKUP_CONFIG"));
        String remote = null;
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
        StringBuilder out = new StringBuilder();
        try (JsonParser json = JsonFactory.builder().build().createParser(ObjectReadContext.empty(), rclone.getInputStream())) {
            String name = null;
            String size = null;
            for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME) {
                    String field = json.currentName();
                    json.nextToken();
                    switch (field) {
                        case "Name" -> name = json.getString();
                        case "Size" -> size = json.getString();
                        case "ModTime" -> out.append(name).append(' ').append(size).append(' ').append(json.getString()).append('\n');
                        default -> { }
                    }
                }
            }
        }
        if (rclone.waitFor() != 0) {
            return 1;
        }
        System.out.print(out);
        System.out.flush();
        return 0;
    }
}
