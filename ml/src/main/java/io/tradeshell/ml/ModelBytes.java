package io.tradeshell.ml;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The saved form of a plain model: its magic number, then its fields, big-endian, in a fixed order. */
final class ModelBytes {
    private ModelBytes() { }

    interface Fields {
        void write(DataOutputStream out) throws IOException;
    }

    static byte[] of(int magic, Fields fields) {
        var buffer = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(buffer)) {
            out.writeInt(magic);
            fields.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return buffer.toByteArray();
    }
}
