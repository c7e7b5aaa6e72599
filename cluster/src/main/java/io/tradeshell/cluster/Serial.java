package io.tradeshell.cluster;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/** The two message types of a sweep, made by id: a member builds no other class of its own from the wire. */
final class Serial implements DataSerializableFactory {
    static final int FACTORY = 0x7ade;
    static final int TASK = 1;
    static final int OUTCOME = 2;

    @Override
    public IdentifiedDataSerializable create(int classId) {
        return switch (classId) {
            case TASK -> new SweepTask();
            case OUTCOME -> new BatchOutcome();
            default -> null;
        };
    }
}
