package dev.rclonebackup.cli;

import sun.misc.Signal;

import java.util.function.IntConsumer;

/**
 * Operating-system signals, through {@code sun.misc.Signal}: the JDK has no public API for them,
 * and this one (module {@code jdk.unsupported}) is supported on every JDK since 9.
 *
 * <p>This is the only class that names {@code sun.misc}. javac warns about such code whatever
 * {@code @SuppressWarnings} says, and the build treats warnings as errors, so the class lives in a
 * source folder of its own ({@code src/main/signals}) that the POM compiles first, without that rule.
 */
final class OsSignals {
    private OsSignals() {
    }

    /**
     * Calls {@code onSignal} with the signal's number whenever the signal {@code name} ({@code INT},
     * {@code TERM} …) arrives.
     *
     * @return false when the signal cannot be handled in this JVM (e.g. it runs with {@code -Xrs});
     *         its default action then stays
     */
    static boolean handle(String name, IntConsumer onSignal) {
        try {
            Signal.handle(new Signal(name), signal -> onSignal.accept(signal.getNumber()));
            return true;
        } catch (IllegalArgumentException unavailable) {
            return false;
        }
    }
}
