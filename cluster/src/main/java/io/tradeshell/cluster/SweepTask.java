package io.tradeshell.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * The only work a member takes: a batch of a sweep's combinations. It carries the sweep as data
 * ({@link SweepSpec}'s bytes), the plan indexes to run, and a signature under the cluster's
 * secret; it travels as plain fields, never through Java serialization.
 */
final class SweepTask implements Callable<BatchOutcome>, IdentifiedDataSerializable, HazelcastInstanceAware {
    private byte[] spec;
    private int[] ks;
    private byte[] signature;
    private String owner;
    private transient HazelcastInstance instance;

    SweepTask() { }

    /** A batch for {@code owner} (the submitting member's id: if it leaves, the batch is dropped), signed with the cluster's secret. */
    SweepTask(byte[] spec, int[] ks, String secret, String owner) {
        this.spec = spec;
        this.ks = ks;
        this.owner = owner;
        this.signature = sign(secret, spec, ks, owner);
    }

    static byte[] sign(String secret, byte[] spec, int[] ks, String owner) {
        return Digests.mac(secret, spec, Wire.write(out -> {
            out.writeInt(ks.length);
            for (int k : ks) out.writeInt(k);
            Wire.string(out, owner);
        }));
    }

    byte[] spec() { return spec; }

    int[] ks() { return ks; }

    byte[] signature() { return signature; }

    String owner() { return owner; }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.instance = instance;
    }

    @Override
    public BatchOutcome call() {
        Object member = instance == null ? null : instance.getConfig().getUserContext().get(SweepMember.KEY);
        if (!(member instanceof SweepMember m)) return BatchOutcome.refused("?", "this member does not take sweep work");
        return m.run(this);
    }

    @Override
    public int getFactoryId() { return Serial.FACTORY; }

    @Override
    public int getClassId() { return Serial.TASK; }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeByteArray(spec);
        out.writeIntArray(ks);
        out.writeByteArray(signature);
        out.writeString(owner);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        spec = in.readByteArray();
        ks = in.readIntArray();
        signature = in.readByteArray();
        owner = in.readString();
    }
}
