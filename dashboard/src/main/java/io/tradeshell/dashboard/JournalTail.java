package io.tradeshell.dashboard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.ObjLongConsumer;

/**
 * Reads the complete lines a journal file has gained since a byte offset, read-only: a line
 * still being written (no line end yet) waits for the next read, so every line is delivered
 * once and whole.
 */
final class JournalTail {
    private static final int CHUNK = 1 << 20;

    private JournalTail() { }

    /** Receives one complete line as bytes: {@code bytes[start, end)}, without its line end, and the file offset just past it. */
    @FunctionalInterface
    interface Lines {
        void line(byte[] bytes, int start, int end, long offset) throws IOException;
    }

    /**
     * Calls {@code line} with each new complete line and the offset just past it.
     *
     * @return the offset after the last complete line (unchanged when there is none)
     */
    static long read(Path file, long from, ObjLongConsumer<String> line) throws IOException {
        return read(file, from, Long.MAX_VALUE, (b, start, end, offset) -> line.accept(new String(b, start, end - start, StandardCharsets.UTF_8), offset));
    }

    /**
     * As {@link #read(Path, long, ObjLongConsumer)} but stopping at {@code until} (a line end some
     * other reader found), and handing over the bytes as read: nothing is decoded.
     */
    static long read(Path file, long from, long until, Lines line) throws IOException {
        return read(file, from, until, line, new Buffer());
    }

    /**
     * The bytes a reader reads into, kept by one that reads often (a folder's tail, five times a
     * second while a session writes megabytes) so that its reads allocate nothing once it has
     * grown to the largest read.
     */
    static final class Buffer {
        private byte[] bytes = new byte[0];
    }

    /** As {@link #read(Path, long, long, Lines)}, reading into {@code scratch}. */
    static long read(Path file, long from, long until, Lines line, Buffer scratch) throws IOException {
        if (!Files.isRegularFile(file) || from >= until) return from;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = Math.min(ch.size(), until);
            if (size <= from) return from; // never shrinks in a real journal; wait rather than resend
            long pos = from;
            int wanted = (int) Math.min(CHUNK, size - from);
            if (scratch.bytes.length < wanted) scratch.bytes = new byte[wanted];
            byte[] buf = scratch.bytes;
            int kept = 0; // bytes of a line begun in the previous read, at the start of buf
            while (pos + kept < size) {
                if (kept == buf.length) buf = scratch.bytes = java.util.Arrays.copyOf(buf, Math.min(buf.length * 2, Integer.MAX_VALUE - 8)); // a line longer than a read
                ByteBuffer into = ByteBuffer.wrap(buf, kept, (int) Math.min(buf.length - kept, size - pos - kept)); // never past the end asked for
                int n = ch.read(into, pos + kept);
                if (n <= 0) break;
                int filled = kept + n, start = 0;
                for (int i = 0; i < filled; i++) {
                    if (buf[i] != '\n') continue;
                    int end = i > start && buf[i - 1] == '\r' ? i - 1 : i;
                    pos += i + 1 - start;
                    if (end > start) line.line(buf, start, end, pos);
                    start = i + 1;
                }
                kept = filled - start;
                System.arraycopy(buf, start, buf, 0, kept);
            }
            return pos;
        }
    }

    /** The offset just past the file's last complete line (0 for none): where a tail that skips the past begins. */
    static long end(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            for (long start = size; start > 0; ) {
                int n = (int) Math.min(1 << 16, start);
                start -= n;
                ByteBuffer buf = ByteBuffer.allocate(n);
                ch.read(buf, start);
                for (int i = n - 1; i >= 0; i--) if (buf.get(i) == '\n') return start + i + 1;
            }
            return 0;
        }
    }
}
