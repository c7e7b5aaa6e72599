package io.tradeshell.engine.journal;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * JSON text for files with a million lines of numbers ({@code equity.jsonl}, {@code overlays.jsonl}),
 * written as bytes straight into one buffer. The text is what the Jackson writers made: keys and
 * strings the caller passes as plain ASCII, doubles as {@link Double#toString(double)} (the
 * shortest form that reads back the same) and null where JSON has no number. Going through a
 * generator, its field-name bookkeeping and a second double formatter was a quarter of a
 * million-bar run's time.
 */
public final class JsonBytes implements Closeable {
    /** Longer than any double's or timestamp's text, so one check per value keeps the buffer safe. */
    private static final int ROOM = 64;
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private final OutputStream out;
    private final byte[] buf;
    private int n;

    public JsonBytes(OutputStream out, int size) {
        this.out = out;
        this.buf = new byte[Math.max(size, ROOM * 4)];
    }

    /** ASCII text as it is: the caller's keys, brackets and separators, no escaping. */
    public JsonBytes ascii(String s) throws IOException {
        int len = s.length();
        if (len > ROOM) {
            for (int i = 0; i < len; i += ROOM) ascii(s.substring(i, Math.min(len, i + ROOM)));
            return this;
        }
        room();
        for (int i = 0; i < len; i++) buf[n++] = (byte) s.charAt(i);
        return this;
    }

    /** The first {@code len} chars of {@code c}, ASCII, as they are (a formatted timestamp). */
    public JsonBytes ascii(char[] c, int len) throws IOException {
        for (int i = 0; i < len; i++) {
            if ((i & (ROOM - 1)) == 0) room();
            buf[n++] = (byte) c[i];
        }
        return this;
    }

    /** Any text in UTF-8, as it is (the caller has quoted and escaped it). */
    public JsonBytes utf8(String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (b.length > buf.length - n) drain();
        if (b.length > buf.length) out.write(b);
        else {
            System.arraycopy(b, 0, buf, n, b.length);
            n += b.length;
        }
        return this;
    }

    public JsonBytes ascii(char c) throws IOException {
        room();
        buf[n++] = (byte) c;
        return this;
    }

    /** A double, or null where it is NaN or infinite. */
    public JsonBytes number(double v) throws IOException {
        room();
        if (!Double.isFinite(v)) {
            System.arraycopy(NULL, 0, buf, n, 4);
            n += 4;
            return this;
        }
        n = text(v, buf, n);
        return this;
    }

    /**
     * A double through {@code last}, which keeps the text of the value it saw before: a column
     * that repeats (cash between trades, exposure while flat) is formatted once per change.
     */
    public JsonBytes number(double v, Last last) throws IOException {
        long bits = Double.doubleToRawLongBits(v);
        if (bits != last.bits || last.len < 0) {
            last.bits = bits;
            last.len = Double.isFinite(v) ? text(v, last.text, 0) : 0;
        }
        if (last.len == 0) return number(v);
        room();
        System.arraycopy(last.text, 0, buf, n, last.len);
        n += last.len;
        return this;
    }

    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the ASCII copy without an encoder
    private static int text(double v, byte[] to, int at) {
        String s = Double.toString(v);
        s.getBytes(0, s.length(), to, at);
        return at + s.length();
    }

    private void room() throws IOException {
        if (n > buf.length - ROOM) drain();
    }

    private void drain() throws IOException {
        out.write(buf, 0, n);
        n = 0;
    }

    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try (out) {
            drain();
        }
    }

    /** The text of the last value one column had; see {@link #number(double, Last)}. */
    public static final class Last {
        private long bits;
        private int len = -1;
        private final byte[] text = new byte[32];
    }
}
