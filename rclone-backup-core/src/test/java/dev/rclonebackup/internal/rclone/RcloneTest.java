package dev.rclonebackup.internal.rclone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.connector.Step;
import dev.rclonebackup.internal.process.ProcessResult;
import dev.rclonebackup.internal.process.ProcessRunner;
import dev.rclonebackup.internal.process.ToolNotFoundException;
import dev.rclonebackup.testing.RcloneFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RcloneTest {
    @RegisterExtension
    final RcloneFixture fixture = new RcloneFixture();

    private final CapturingReporter reporter = new CapturingReporter();
    private Rclone rclone;
    private Path remote;

    @BeforeEach
    void setUp() {
        rclone = new Rclone("rclone", fixture.config(), List.of(), reporter);
        remote = fixture.plainRemote();
    }

    @Test
    void lsjsonListsFilesWithSizeAndModificationTime() throws Exception {
        Instant modified = Instant.parse("2024-01-15T12:00:00Z");
        write(remote.resolve("db/a.dump"), "12345", modified);
        write(remote.resolve("db/sub/b.dump"), "x", modified);

        List<RemoteEntry> flat = rclone.lsjson(remote + "/db", false);
        List<RemoteEntry> deep = rclone.lsjson(remote + "/db", true);

        assertThat(flat).containsExactly(new RemoteEntry("a.dump", "a.dump", 5, modified, false));
        assertThat(deep).extracting(RemoteEntry::path).containsExactlyInAnyOrder("a.dump", "sub/b.dump");
    }

    @Test
    void lsjsonOfAMissingFolderIsEmpty() throws Exception {
        assertThat(rclone.lsjson(remote + "/db", false)).isEmpty();
        assertThat(rclone.lsjson(fixture.cryptRemote() + "db", true)).isEmpty();
    }

    @Test
    void statFindsAFileOrNothing() throws Exception {
        write(remote.resolve("db/a.dump"), "abc", Instant.parse("2024-01-15T12:00:00Z"));

        assertThat(rclone.stat(remote + "/db/a.dump"))
                .hasValueSatisfying(e -> assertThat(e.size()).isEqualTo(3));
        assertThat(rclone.stat(remote + "/db/b.dump")).isEmpty();
        assertThat(rclone.stat(remote + "/nowhere/b.dump")).isEmpty();
    }

    @Test
    void rcatUploadsStandardInputAndCatStreamsItBack() throws Exception {
        byte[] data = randomBytes(300_000);
        String path = fixture.cryptRemote() + "db/x.dump";

        ProcessResult upload = ProcessRunner.run(rclone.rcat(path), data, reporter);
        ProcessResult download = ProcessRunner.run(rclone.cat(path), null, reporter);

        assertThat(upload.exitCode()).isZero();
        assertThat(download.exitCode()).isZero();
        assertThat(download.stdout()).isEqualTo(data);
    }

    @Test
    void tailReadsOnlyTheLastBytesOfAnObject() throws Exception {
        byte[] data = randomBytes(300_000);
        String path = fixture.cryptRemote() + "db/x.dump";
        ProcessRunner.run(rclone.rcat(path), data, reporter);

        assertThat(rclone.tail(path, 100)).isEqualTo(Arrays.copyOfRange(data, data.length - 100, data.length));
        assertThat(rclone.tail(path, 1_000_000)).isEqualTo(data);
        assertThatThrownBy(() -> rclone.tail(fixture.cryptRemote() + "db/missing.dump", 100))
                .isInstanceOf(RcloneException.class)
                .hasMessageContaining("rclone cat");
    }

    @Test
    void commandsCarryTheConfigFileAndTheExtraFlagsBeforeThePaths() {
        Rclone configured = new Rclone("/opt/rclone", Path.of("/etc/r.conf"), List.of("--bwlimit", "10M"), reporter);

        Step.Command rcat = configured.rcat("remote:db/x.partial-1");
        Step.Command cat = new Rclone("rclone", null, List.of(), reporter).cat("remote:db/x");

        assertThat(rcat.argv())
                .containsExactly(
                        "/opt/rclone",
                        "rcat",
                        "--use-json-log",
                        "--stats",
                        "8760h",
                        "--stats-log-level",
                        "NOTICE",
                        "--config",
                        "/etc/r.conf",
                        "--bwlimit",
                        "10M",
                        "--",
                        "remote:db/x.partial-1");
        assertThat(rcat.environment()).isEmpty();
        assertThat(cat.argv()).containsExactly("rclone", "cat", "--", "remote:db/x");
    }

    @Test
    void extraFlagsReachRclone() throws Exception {
        write(remote.resolve("db/a.dump"), "a", Instant.now());
        write(remote.resolve("db/b.tmp"), "b", Instant.now());
        Rclone excluding = new Rclone("rclone", fixture.config(), List.of("--exclude", "*.tmp"), reporter);

        assertThat(excluding.lsjson(remote + "/db", false))
                .extracting(RemoteEntry::name)
                .containsExactly("a.dump");
    }

    @Test
    void theConfigFileDefinesTheRemotes() throws Exception {
        Rclone withoutConfig = new Rclone("rclone", fixture.root().resolve("missing.conf"), List.of(), reporter);

        assertThatThrownBy(() -> withoutConfig.lsjson(fixture.cryptRemote() + "db", false))
                .isInstanceOf(RcloneException.class)
                .hasMessageContaining("didn't find section in config file");
        assertThat(rclone.lsjson(fixture.cryptRemote() + "db", false)).isEmpty();
    }

    @Test
    void movetoIfAbsentMovesWhenTheDestinationIsFree() throws Exception {
        String folder = fixture.cryptRemote() + "db";
        ProcessRunner.run(rclone.rcat(folder + "/x.partial-1"), bytes("new"), reporter);

        Optional<Long> moved = rclone.movetoIfAbsent(folder, "x.partial-1", "x.dump");

        assertThat(moved).hasValue(3L);
        assertThat(rclone.lsjson(folder, false)).extracting(RemoteEntry::name).containsExactly("x.dump");
        assertThat(ProcessRunner.run(rclone.cat(folder + "/x.dump"), null, reporter)
                        .stdoutText())
                .isEqualTo("new");
    }

    @Test
    void movetoIfAbsentRefusesToOverwrite() throws Exception {
        write(remote.resolve("db/x.partial-1"), "new", Instant.now());
        write(remote.resolve("db/x.dump"), "old", Instant.now());

        Optional<Long> moved = rclone.movetoIfAbsent(remote + "/db", "x.partial-1", "x.dump");

        assertThat(moved).isEmpty();
        assertThat(remote.resolve("db/x.dump")).hasContent("old");
        assertThat(remote.resolve("db/x.partial-1")).hasContent("new");
    }

    @Test
    void deletefileDeletesOneFile() throws Exception {
        write(remote.resolve("db/a.dump"), "a", Instant.now());
        write(remote.resolve("db/b.dump"), "b", Instant.now());

        rclone.deletefile(remote + "/db/a.dump");

        assertThat(names(remote.resolve("db"))).containsExactly("b.dump");
    }

    @Test
    void statFilesLooksUpExactNamesInOneCall() throws Exception {
        Path db = remote.resolve("db");
        write(db.resolve("a.dump"), "abc", Instant.now());
        for (String other : List.of("sub/a.dump", "b1.dump", "a.dump.bak")) {
            write(db.resolve(other), "x", Instant.now());
        }
        long before = reporter.commandsRun();

        List<RemoteEntry> found = rclone.statFiles(remote + "/db", List.of("a.dump", "b*.dump", "never-existed.dump"));

        assertThat(reporter.commandsRun() - before).isEqualTo(1);
        assertThat(found).singleElement().satisfies(entry -> {
            assertThat(entry.name()).isEqualTo("a.dump");
            assertThat(entry.size()).isEqualTo(3);
        });
        assertThat(rclone.statFiles(remote + "/missing", List.of("a.dump"))).isEmpty();
    }

    @Test
    void deleteFilesDeletesManyNamesInOneCallAndNothingElse() throws Exception {
        Path db = remote.resolve("db");
        List<String> doomed = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            doomed.add("default-" + i + ".dump");
            write(db.resolve("default-" + i + ".dump"), "x", Instant.now());
        }
        doomed.addAll(List.of("a.dump", "b*.dump", "c[1].dump", "never-existed.dump"));
        List<String> kept = List.of("sub/a.dump", "a.dump.bak", "xa.dump", "bz.dump", "c1.dump", "default-1.dump.old");
        for (String name : List.of("a.dump", "b*.dump", "c[1].dump")) {
            write(db.resolve(name), "x", Instant.now());
        }
        for (String name : kept) {
            write(db.resolve(name), "keep", Instant.now());
        }
        long before = reporter.commandsRun();

        rclone.deleteFiles(remote + "/db", doomed);

        assertThat(reporter.commandsRun() - before).isEqualTo(1);
        assertThat(names(db)).containsExactlyInAnyOrderElementsOf(kept);
    }

    @Test
    void deleteFilesOfNothingLeavesTheFolderAlone() throws Exception {
        write(remote.resolve("db/a.dump"), "a", Instant.now());

        rclone.deleteFiles(remote + "/db", List.of());

        assertThat(names(remote.resolve("db"))).containsExactly("a.dump");
        assertThat(reporter.commandsRun()).isZero();
    }

    @Test
    void deleteFilesRejectsPathsAndLineBreaks() {
        for (String bad : List.of("sub/a.dump", "..", "", "a.dump\nb.dump", "a\\b")) {
            assertThatThrownBy(() -> rclone.deleteFiles(remote + "/db", List.of("ok.dump", bad)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(reporter.commandsRun()).isZero();
    }

    @Test
    void syncMirrorsAndDeletesWhileCopyOnlyAdds() throws Exception {
        Path source = fixture.newFolder("source");
        write(source.resolve("a.txt"), "a", Instant.now());
        Path synced = fixture.newFolder("synced");
        Path copied = fixture.newFolder("copied");
        write(synced.resolve("extra.txt"), "e", Instant.now());
        write(copied.resolve("extra.txt"), "e", Instant.now());

        rclone.sync(source.toString(), synced.toString(), false);
        rclone.copy(source.toString(), copied.toString(), false);

        assertThat(names(synced)).containsExactly("a.txt");
        assertThat(names(copied)).containsExactlyInAnyOrder("a.txt", "extra.txt");
    }

    @Test
    void dryRunChangesNothingAndReportsWhatWouldChange() throws Exception {
        Path source = fixture.newFolder("source");
        write(source.resolve("a.txt"), "a", Instant.now());
        Path target = fixture.newFolder("target");
        write(target.resolve("extra.txt"), "e", Instant.now());

        rclone.sync(source.toString(), target.toString(), true);
        rclone.copy(source.toString(), target.toString(), true);

        assertThat(names(target)).containsExactly("extra.txt");
        assertThat(reporter.infos)
                .contains(
                        "a.txt: Skipped copy as --dry-run is set (size 1)",
                        "extra.txt: Skipped delete as --dry-run is set (size 1)");
    }

    @Test
    void aFailureNamesTheCommandThePathTheExitCodeAndRclonesLastLine() {
        assertThatThrownBy(() -> rclone.lsjson("nosuchremote:db", false))
                .isInstanceOfSatisfying(RcloneException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(1);
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.OPERATION_FAILED);
                    assertThat(e.stderr()).contains("didn't find section in config file");
                })
                .hasMessage("rclone lsjson nosuchremote:db failed (exit 1): "
                        + "Failed to create file system for \"nosuchremote:db\": didn't find section in config file");
    }

    @Test
    void theMissingConfigFileNoticeIsLeftOutOfErrors() {
        Rclone withoutConfig = new Rclone("rclone", fixture.root().resolve("missing.conf"), List.of(), reporter);

        assertThatThrownBy(() -> withoutConfig.deletefile(remote + "/db/none.dump"))
                .isInstanceOfSatisfying(RcloneException.class, e -> {
                    assertThat(e.stderr()).isNotBlank().doesNotContain("Config file");
                    assertThat(e.getMessage())
                            .startsWith("rclone deletefile " + remote + "/db/none.dump failed (exit ");
                });
        assertThat(reporter.toolOutput).anyMatch(line -> line.contains("Config file"));
    }

    @Test
    void versionIsTheFirstLineOfRcloneVersion() throws Exception {
        assertThat(rclone.version()).matches("rclone v\\d+\\.\\d+\\.\\d+\\S*");
        assertThatThrownBy(() -> new Rclone("/nowhere/rclone", null, List.of(), reporter).version())
                .isInstanceOf(ToolNotFoundException.class)
                .hasMessageStartingWith("rclone not found at '/nowhere/rclone'");
    }

    @Test
    void aMissingBinarySaysHowToInstallRclone() {
        String missing = fixture.root().resolve("bin/rclone").toString();
        Rclone absent = new Rclone(missing, null, List.of(), reporter);

        assertThatThrownBy(() -> absent.lsjson(remote.toString(), false))
                .isInstanceOf(ToolNotFoundException.class)
                .hasMessage("rclone not found at '" + missing
                        + "' — install it (apt-get install rclone) or set rclone.binary");
    }

    @Test
    void explainGivesPipelineOwnersTheSameMessage() {
        Rclone absent = new Rclone("/nowhere/rclone", null, List.of(), reporter);

        ToolNotFoundException explained =
                absent.explain(new ToolNotFoundException("/nowhere/rclone", "/nowhere/rclone not found"));

        assertThat(explained)
                .hasMessage(
                        "rclone not found at '/nowhere/rclone' — install it (apt-get install rclone) or set rclone.binary");
        assertThat(explained.tool()).isEqualTo("/nowhere/rclone");
    }

    static void write(Path file, String content, Instant modified) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    /** Relative paths of all files under {@code folder}, with {@code /} separators. */
    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int size) {
        byte[] data = new byte[size];
        new java.util.Random(42).nextBytes(data);
        return data;
    }

    @Test
    void metadataCallsMayStallAtMostTwoMinutesOrTheStallTimeoutIfShorter() {
        assertThat(Rclone.metadataStallTimeout(Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(2));
        assertThat(Rclone.metadataStallTimeout(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(Rclone.metadataStallTimeout(null)).isNull();
    }
}
