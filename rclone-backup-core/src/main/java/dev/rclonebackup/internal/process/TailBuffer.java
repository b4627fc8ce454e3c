package dev.rclonebackup.internal.process;

import java.nio.charset.StandardCharsets;

/**
 * Keeps the last {@code capacity} bytes written to it, so a tool that prints without end
 * costs bounded memory. Thread-safe.
 */
public final class TailBuffer {
    public static final int DEFAULT_CAPACITY = 64 * 1024;

    private final byte[] ring;
    private long written;

    public TailBuffer(int capacity) {
        this.ring = new byte[capacity];
    }

    public TailBuffer() {
        this(DEFAULT_CAPACITY);
    }

    public synchronized void write(byte[] data, int offset, int length) {
        for (int i = 0; i < length; i++) {
            ring[(int) (written++ % ring.length)] = data[offset + i];
        }
    }

    /** Total bytes ever written, including those no longer kept. */
    public synchronized long totalWritten() {
        return written;
    }

    /** The kept bytes as UTF-8 text, trimmed; prefixed with {@code …} when older output was dropped. */
    public synchronized String text() {
        int kept = (int) Math.min(written, ring.length);
        byte[] out = new byte[kept];
        long start = written - kept;
        for (int i = 0; i < kept; i++) {
            out[i] = ring[(int) ((start + i) % ring.length)];
        }
        String text = new String(out, StandardCharsets.UTF_8).strip();
        return written > ring.length ? "…" + text : text;
    }
}
