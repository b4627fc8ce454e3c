package dev.rclonebackup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.Reporter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardingReporterTest {
    private final List<String> calls = new ArrayList<>();
    private final Reporter recording = new Reporter() {
        @Override
        public void info(String message) {
            calls.add("info " + message);
        }

        @Override
        public void success(String message) {
            calls.add("success " + message);
        }

        @Override
        public void warning(String message) {
            calls.add("warning " + message);
        }

        @Override
        public void failure(String message) {
            calls.add("failure " + message);
        }

        @Override
        public void detail(String message) {
            calls.add("detail " + message);
        }

        @Override
        public void toolOutput(String tool, String line) {
            calls.add("tool " + tool + " " + line);
        }

        @Override
        public void progress(long bytes, double bytesPerSecond) {
            calls.add("progress " + bytes + " " + bytesPerSecond);
        }

        @Override
        public void progressDone() {
            calls.add("done");
        }
    };

    @Test
    void everyCallReachesTheDelegateUnchanged() {
        Reporter forwarding = new ForwardingReporter(recording) {};

        forwarding.info("i");
        forwarding.success("s");
        forwarding.warning("w");
        forwarding.failure("f");
        forwarding.detail("d");
        forwarding.toolOutput("rclone", "line");
        forwarding.progress(10, 2.5);
        forwarding.progressDone();

        // Not through the interface's defaults: a failure stays a failure, not an "Error: " info line.
        assertThat(calls)
                .containsExactly(
                        "info i",
                        "success s",
                        "warning w",
                        "failure f",
                        "detail d",
                        "tool rclone line",
                        "progress 10 2.5",
                        "done");
    }
}
