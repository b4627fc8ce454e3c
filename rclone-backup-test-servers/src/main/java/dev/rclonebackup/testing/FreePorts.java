package dev.rclonebackup.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds TCP ports on the loopback interface that nothing listens on. */
public final class FreePorts {
    private FreePorts() {}

    /**
     * A port that was free on 127.0.0.1 a moment ago. Another process may still take it before
     * the caller binds it, so servers started on it retry with a new port when binding fails.
     */
    public static int loopback() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on the loopback interface", e);
        }
    }
}
