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

    /**
     * Calls {@code line} with each new complete line and the offset just past it.
     *
     * @return the offset after the last complete line (unchanged when there is none)
     */
    static long read(Path file, long from, ObjLongConsumer<String> line) throws IOException {
        return read(file, from, Long.MAX_VALUE, line);
    }

    /** As {@link #read(Path, long, ObjLongConsumer)}, stopping at {@code until}, a line end some other reader found. */
    static long read(Path file, long from, long until, ObjLongConsumer<String> line) throws IOException {
        if (!Files.isRegularFile(file) || from >= until) return from;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = Math.min(ch.size(), until);
            if (size < from) return from; // never shrinks in a real journal; wait rather than resend
            long pos = from;
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(size - from, 1)));
            byte[] carry = new byte[0];
            while (pos + carry.length < size) {
                buf.clear();
                buf.limit((int) Math.min(buf.capacity(), size - pos - carry.length)); // never past the end asked for
                int n = ch.read(buf, pos + carry.length);
                if (n <= 0) break;
                byte[] bytes = new byte[carry.length + n];
                System.arraycopy(carry, 0, bytes, 0, carry.length);
                System.arraycopy(buf.array(), 0, bytes, carry.length, n);
                int start = 0;
                for (int i = 0; i < bytes.length; i++) {
                    if (bytes[i] != '\n') continue;
                    int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                    pos += i + 1 - start;
                    if (end > start) line.accept(new String(bytes, start, end - start, StandardCharsets.UTF_8), pos);
                    start = i + 1;
                }
                carry = java.util.Arrays.copyOfRange(bytes, start, bytes.length);
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
