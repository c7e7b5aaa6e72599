package io.tradeshell.ml;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * ONNX models written byte by byte for tests, with a protobuf encoder of a few lines: the field
 * numbers are those of onnx.proto (ModelProto, GraphProto, NodeProto, TensorProto,
 * ValueInfoProto), so a file made here is what any exporter would write for the same graph.
 */
final class OnnxGraphs {
    private static final int FLOAT = 1; // TensorProto.DataType.FLOAT

    private OnnxGraphs() { }

    /** Logistic regression: probability = sigmoid(x · weights + bias), input "x" [N, F], output "probability" [N, 1]. */
    static byte[] logistic(float[] weights, float bias) {
        int f = weights.length;
        Message graph = new Message()
                .message(1, node("MatMul", "x", "w", "xw"))
                .message(1, node("Add", "xw", "b", "z"))
                .message(1, node("Sigmoid", "z", null, "probability"))
                .string(2, "logistic")
                .message(5, tensor("w", new long[] {f, 1}, weights))
                .message(5, tensor("b", new long[] {1}, new float[] {bias}))
                .message(11, valueInfo("x", "N", f))
                .message(12, valueInfo("probability", "N", 1));
        return new Message()
                .varint(1, 8)                                   // ir_version
                .string(2, "tradeshell-tests")                  // producer_name
                .message(7, graph)
                .message(8, new Message().string(1, "").varint(2, 13)) // opset_import: the default domain, opset 13
                .bytes();
    }

    private static Message node(String op, String a, String b, String out) {
        Message n = new Message().string(1, a);
        if (b != null) n.string(1, b);
        return n.string(2, out).string(3, op + "_" + out).string(4, op);
    }

    private static Message tensor(String name, long[] dims, float[] values) {
        Message t = new Message();
        for (long d : dims) t.varint(1, d);
        ByteBuffer data = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) data.putFloat(v);
        return t.varint(2, FLOAT).raw(4, data.array()).string(8, name); // float_data, packed
    }

    /** A float tensor of shape [rows named {@code batch}, {@code columns}]. */
    private static Message valueInfo(String name, String batch, int columns) {
        Message shape = new Message().message(1, new Message().string(2, batch)).message(1, new Message().varint(1, columns));
        Message tensorType = new Message().varint(1, FLOAT).message(2, shape);
        return new Message().string(1, name).message(2, new Message().message(1, tensorType));
    }

    /** A protobuf message being written: varints and length-delimited fields, in the order given. */
    static final class Message {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Message varint(int field, long value) {
            tag(field, 0);
            write(value);
            return this;
        }

        Message string(int field, String value) {
            return raw(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Message message(int field, Message value) {
            return raw(field, value.bytes());
        }

        Message raw(int field, byte[] value) {
            tag(field, 2);
            write(value.length);
            out.writeBytes(value);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void tag(int field, int wireType) {
            write(((long) field << 3) | wireType);
        }

        private void write(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }
}
