package io.tradeshell.cluster;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.tradeshell.dsl.ScriptException;
import io.tradeshell.engine.optimize.CombinationFailedException;
import io.tradeshell.engine.optimize.SweepRow;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What a member sends back for a batch: its rows, with the failure that ended them if a
 * combination failed; or a refusal (not the sweep's script or data); or word that it gave the
 * batch up because it is shutting down, so the batch runs elsewhere. Errors travel as text and
 * are rebuilt as the exceptions of their kind, never as serialized Java objects.
 */
final class BatchOutcome implements IdentifiedDataSerializable {
    enum Kind { ROWS, FAILED, REFUSED, ABANDONED }

    /** How a failed combination's error is rebuilt: a script error keeps its file and line, bad input stays bad input. */
    enum Cause { SCRIPT, INPUT, OTHER }

    private Kind kind;
    private String member;
    private byte[] rows = RowCodec.encode(List.of());
    private long busyNanos;
    private byte[] failedParams = new byte[0];
    private Cause cause = Cause.OTHER;
    private String scriptName = "";
    private int line;
    private String message = "";

    BatchOutcome() { }

    static BatchOutcome rows(String member, List<SweepRow> rows, long busyNanos) {
        BatchOutcome o = new BatchOutcome();
        o.kind = Kind.ROWS;
        o.member = member;
        o.rows = RowCodec.encode(rows);
        o.busyNanos = busyNanos;
        return o;
    }

    static BatchOutcome failed(String member, List<SweepRow> rows, long busyNanos, CombinationFailedException e) {
        BatchOutcome o = rows(member, rows, busyNanos);
        o.kind = Kind.FAILED;
        o.failedParams = RowCodec.encodeParams(e.params());
        Throwable t = e.getCause() == null ? e : e.getCause();
        o.message = String.valueOf(t.getMessage());
        if (t instanceof ScriptException s) {
            o.cause = Cause.SCRIPT;
            o.scriptName = s.scriptName();
            o.line = s.line();
        } else if (t instanceof IllegalArgumentException) {
            o.cause = Cause.INPUT;
        } else {
            o.message = t.getClass().getSimpleName() + ": " + o.message;
        }
        return o;
    }

    static BatchOutcome refused(String member, String message) {
        BatchOutcome o = new BatchOutcome();
        o.kind = Kind.REFUSED;
        o.member = member;
        o.message = message;
        return o;
    }

    static BatchOutcome abandoned(String member) {
        BatchOutcome o = new BatchOutcome();
        o.kind = Kind.ABANDONED;
        o.member = member;
        return o;
    }

    Kind kind() { return kind; }

    String member() { return member; }

    long busyNanos() { return busyNanos; }

    String message() { return message; }

    List<SweepRow> rows() { return RowCodec.decode(rows); }

    /** The failure of a {@link Kind#FAILED} batch, as the one-machine sweep would have thrown it. */
    CombinationFailedException failure() {
        Map<String, Object> params = RowCodec.decodeParams(failedParams);
        RuntimeException cause = switch (this.cause) {
            case SCRIPT -> {
                String prefix = scriptName + (line > 0 ? ":" + line : "") + ": ";
                yield new ScriptException(scriptName, line, message.startsWith(prefix) ? message.substring(prefix.length()) : message, null);
            }
            case INPUT -> new IllegalArgumentException(message);
            case OTHER -> new IllegalStateException("on member " + member + ": " + message);
        };
        return new CombinationFailedException(params, cause);
    }

    @Override
    public int getFactoryId() { return Serial.FACTORY; }

    @Override
    public int getClassId() { return Serial.OUTCOME; }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeByte(kind.ordinal());
        out.writeString(member);
        out.writeByteArray(rows);
        out.writeLong(busyNanos);
        out.writeByteArray(failedParams);
        out.writeByte(cause.ordinal());
        out.writeString(scriptName);
        out.writeInt(line);
        out.writeString(message);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        kind = Kind.values()[in.readByte()];
        member = in.readString();
        rows = in.readByteArray();
        busyNanos = in.readLong();
        failedParams = in.readByteArray();
        cause = Cause.values()[in.readByte()];
        scriptName = in.readString();
        line = in.readInt();
        message = in.readString();
    }
}
