package dev.rclonebackup.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromptConfirmationTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @ParameterizedTest
    @ValueSource(strings = {"y\n", "yes\n", "Y\n", " YES \n", "Yes\r\n", "y"})
    void yesProceeds(String answer) {
        assertThat(prompt(answer).confirm("default", "db/default-2024-01-15-120000.dump"))
                .isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("Restore database 'default' from 'db/default-2024-01-15-120000.dump'? [y/N] ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "n\n", "no\n", "yep\n", "y es\n", "nonsense\n"})
    void anythingElseCancels(String answer) {
        assertThat(prompt(answer).confirm("default", "db/x.dump")).isFalse();
    }

    @Test
    void onlyTheFirstLineCounts() {
        assertThat(prompt("no\ny\n").confirm("default", "db/x.dump")).isFalse();
    }

    @Test
    void endOfInputIsAUsageErrorSuggestingNoinput() {
        assertThatThrownBy(() -> prompt("").confirm("default", "db/x.dump"))
                .isInstanceOfSatisfying(
                        RcloneBackupException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.USAGE))
                .hasMessageContaining("--noinput");
    }

    @Test
    void noInputAtAllIsAUsageErrorSuggestingNoinput() {
        PromptConfirmation prompt = new PromptConfirmation(null, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThatThrownBy(() -> prompt.confirm("default", "db/x.dump"))
                .isInstanceOfSatisfying(
                        RcloneBackupException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.USAGE))
                .hasMessageContaining("--noinput");
    }

    @Test
    void waitingForAnAnswerCanBeInterrupted() throws Exception {
        try (PipedOutputStream keyboard = new PipedOutputStream();
                InputStream in = new PipedInputStream(keyboard)) {
            PromptConfirmation prompt = new PromptConfirmation(in, new PrintStream(out, true, StandardCharsets.UTF_8));
            AtomicReference<Thread> asking = new AtomicReference<>();
            CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
                asking.set(Thread.currentThread());
                try {
                    prompt.confirm("default", "db/x.dump");
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            while (!out.toString(StandardCharsets.UTF_8).endsWith("[y/N] ")) {
                Thread.sleep(10);
            }
            asking.get().interrupt();

            assertThat(failure.get(5, TimeUnit.SECONDS))
                    .isInstanceOfSatisfying(
                            RcloneBackupException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INTERRUPTED));
        }
    }

    private PromptConfirmation prompt(String input) {
        return new PromptConfirmation(
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }
}
