package io.tradeshell.engine.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The bytes of a file as they are parsed, hashed with SHA-256 on the way so the file is read once. */
final class HashingInput extends FilterInputStream {
    private final MessageDigest digest;

    private HashingInput(InputStream in) {
        super(in);
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static HashingInput open(Path file) throws IOException {
        return new HashingInput(Files.newInputStream(file));
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) digest.update((byte) b);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) digest.update(b, off, n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[8192];
        long done = 0;
        while (done < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - done));
            if (r < 0) break;
            done += r;
        }
        return done;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void mark(int readlimit) { }

    @Override
    public void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    /** Reads whatever the parser left unread and returns the hex SHA-256 of the whole file. */
    String finish() throws IOException {
        byte[] buf = new byte[65536];
        while (read(buf, 0, buf.length) >= 0) { }
        return HexFormat.of().formatHex(digest.digest());
    }
}
