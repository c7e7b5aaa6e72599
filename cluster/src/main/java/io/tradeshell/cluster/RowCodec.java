package io.tradeshell.cluster;

import io.tradeshell.engine.metrics.ReturnMoments;
import io.tradeshell.engine.metrics.RunMetrics;
import io.tradeshell.engine.optimize.SweepRow;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sweep rows on the wire, exactly: each parameter with its type (an Integer 5 and a Double 5.0
 * write different JSON), and the metrics' doubles bit for bit, NaN and infinities included, so
 * the submitter holds the very rows the member computed.
 */
final class RowCodec {
    private RowCodec() { }

    static byte[] encode(List<SweepRow> rows) {
        return Wire.write(out -> {
            out.writeInt(rows.size());
            for (SweepRow r : rows) write(out, r);
        });
    }

    static List<SweepRow> decode(byte[] bytes) {
        return Wire.read(bytes, in -> {
            int n = in.readInt();
            List<SweepRow> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) rows.add(read(in));
            return rows;
        });
    }

    static byte[] encodeParams(Map<String, Object> params) {
        return Wire.write(out -> params(out, params));
    }

    static Map<String, Object> decodeParams(byte[] bytes) {
        return Wire.read(bytes, RowCodec::params);
    }

    private static void params(DataOutputStream out, Map<String, Object> params) throws IOException {
        out.writeInt(params.size());
        for (var e : params.entrySet()) {
            Wire.string(out, e.getKey());
            value(out, e.getValue());
        }
    }

    private static Map<String, Object> params(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) params.put(Wire.string(in), value(in));
        return Collections.unmodifiableMap(params);
    }

    private static void write(DataOutputStream out, SweepRow r) throws IOException {
        out.writeLong(r.id());
        params(out, r.params());
        record(out, r.metrics());
        record(out, r.returns());
    }

    private static SweepRow read(DataInputStream in) throws IOException {
        long id = in.readLong();
        return new SweepRow(id, params(in), record(in, RunMetrics.class), record(in, ReturnMoments.class));
    }

    private static void value(DataOutputStream out, Object v) throws IOException {
        switch (v) {
            case null -> out.writeByte(0);
            case Integer i -> {
                out.writeByte(1);
                out.writeInt(i);
            }
            case Long l -> {
                out.writeByte(2);
                out.writeLong(l);
            }
            case Double d -> {
                out.writeByte(3);
                out.writeDouble(d);
            }
            case BigDecimal b -> {
                out.writeByte(4);
                Wire.string(out, b.toString());
            }
            case Boolean b -> {
                out.writeByte(5);
                out.writeBoolean(b);
            }
            case Float f -> {
                out.writeByte(6);
                out.writeFloat(f);
            }
            case BigInteger b -> {
                out.writeByte(7);
                Wire.string(out, b.toString());
            }
            default -> {
                out.writeByte(8);
                Wire.string(out, String.valueOf(v));
            }
        }
    }

    private static Object value(DataInputStream in) throws IOException {
        return switch (in.readByte()) {
            case 0 -> null;
            case 1 -> in.readInt();
            case 2 -> in.readLong();
            case 3 -> in.readDouble();
            case 4 -> new BigDecimal(Wire.string(in));
            case 5 -> in.readBoolean();
            case 6 -> in.readFloat();
            case 7 -> new BigInteger(Wire.string(in));
            case 8 -> Wire.string(in);
            default -> throw new IOException("an unknown parameter type");
        };
    }

    /** A record of ints, longs and doubles, component by component in declaration order. */
    private static void record(DataOutputStream out, Record r) throws IOException {
        try {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                Object v = c.getAccessor().invoke(r);
                switch (v) {
                    case Integer i -> out.writeInt(i);
                    case Long l -> out.writeLong(l);
                    case Double d -> out.writeDouble(d);
                    default -> throw new IllegalStateException(r.getClass().getSimpleName() + "." + c.getName() + " is not a number");
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T extends Record> T record(DataInputStream in, Class<T> type) throws IOException {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int k = 0; k < components.length; k++) {
            types[k] = components[k].getType();
            if (types[k] == int.class) values[k] = in.readInt();
            else if (types[k] == long.class) values[k] = in.readLong();
            else if (types[k] == double.class) values[k] = in.readDouble();
            else throw new IllegalStateException(type.getSimpleName() + "." + components[k].getName() + " is not a number");
        }
        try {
            Constructor<T> c = type.getDeclaredConstructor(types);
            return c.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
