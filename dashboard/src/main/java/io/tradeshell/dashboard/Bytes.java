package io.tradeshell.dashboard;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * Bytes written in memory and kept for the next time: a folder's tail encodes each look's lines
 * here, so the buffer grows to the largest look once instead of being made (and regrown) five
 * times a second. Unlike {@link java.io.ByteArrayOutputStream} it takes no lock: one thread
 * writes it.
 */
final class Bytes extends OutputStream {
    private byte[] bytes = new byte[1 << 12];
    private int size;

    @Override
    public void write(int b) {
        room(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        room(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    int size() { return size; }

    /** Empties it, keeping its room. */
    void reset() { size = 0; }

    byte[] toByteArray() { return Arrays.copyOf(bytes, size); }

    private void room(int more) {
        if (size + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
}
