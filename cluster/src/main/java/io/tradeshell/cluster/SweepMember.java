package io.tradeshell.cluster;

import io.tradeshell.engine.optimize.CombinationFailedException;
import io.tradeshell.engine.optimize.SweepRow;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A member's side of sweeps: checks each task's signature, rebuilds its sweep once (kept for the
 * sweep's later batches), runs the batch and says how it went. A batch interrupted because the
 * member is going away is given up, not reported as failed, so it runs elsewhere; so is one
 * its submitter cancelled (the sweep stopped) or whose submitter left the cluster.
 */
final class SweepMember {
    /** Where the member's Hazelcast instance keeps it, for tasks to find. */
    static final String KEY = "tradeshell.sweepMember";
    /** Sweeps kept rebuilt: a walk-forward moves from window to window. */
    private static final int KEEP = 4;

    private final String secret;
    private final Path dataRoot;
    private final Map<String, PreparedSweep> prepared = new LinkedHashMap<>(8, 0.75f, true);
    private volatile String name = "?";
    private volatile DataShelf shelf;
    private volatile BooleanSupplier running = () -> true;
    /** Whether a member, by id, is still in the cluster. */
    private volatile Predicate<String> present = owner -> true;
    /** The submitter of the batch each thread runs now. */
    private final Map<Thread, String> owners = new ConcurrentHashMap<>();
    private long givenUp;
    private long combinations;
    private long busyNanos;

    SweepMember(String secret, Path dataRoot) {
        this.secret = secret;
        this.dataRoot = dataRoot;
    }

    /** Called once the member is up: its address, the data the submitter sent, whether it is still running, and who else is. */
    void attach(String address, Function<String, byte[]> sent, BooleanSupplier running, Predicate<String> present) {
        this.name = address;
        this.shelf = new DataShelf(address, dataRoot, sent);
        this.running = running;
        this.present = present;
    }

    String name() { return name; }

    synchronized long combinations() { return combinations; }

    BatchOutcome run(SweepTask task) {
        if (task.owner() == null || task.spec() == null || task.ks() == null || task.signature() == null
                || !MessageDigest.isEqual(task.signature(), SweepTask.sign(secret, task.spec(), task.ks(), task.owner()))) {
            return BatchOutcome.refused(name, "member " + name + " refuses a task not signed with this cluster's secret");
        }
        if (!present.test(task.owner())) return given(); // its submitter left while it waited here
        Thread self = Thread.currentThread();
        owners.put(self, task.owner());
        long started = System.nanoTime();
        List<SweepRow> rows = new ArrayList<>(task.ks().length);
        try {
            prepared(task.spec()).run(task.ks(), rows);
            if (Thread.currentThread().isInterrupted()) return given(); // cancelled as it finished: its rows are not wanted
            count(rows.size(), System.nanoTime() - started);
            return BatchOutcome.rows(name, rows, System.nanoTime() - started);
        } catch (CombinationFailedException e) {
            if (leaving()) return given();
            return BatchOutcome.failed(name, rows, System.nanoTime() - started, e);
        } catch (RuntimeException e) {
            if (leaving()) return given();
            return BatchOutcome.refused(name, e instanceof MemberRefusal ? e.getMessage() : "member " + name + ": " + e.getMessage());
        } finally {
            owners.remove(self);
        }
    }

    /** A batch given up: cancelled by its submitter, whose submitter left, or on a member shutting down. */
    private BatchOutcome given() {
        synchronized (this) {
            givenUp++;
        }
        return BatchOutcome.abandoned(name);
    }

    /**
     * The member {@code owner} left the cluster: the batches it sent stop (each within a few
     * hundred bars), and those still waiting here are dropped when their turn comes, rather than
     * run for nobody.
     */
    void ownerLeft(String owner) {
        owners.forEach((thread, o) -> {
            if (o.equals(owner)) thread.interrupt();
        });
    }

    /** Batches running here now. */
    int running() { return owners.size(); }

    /** Batches given up here (cancelled, their submitter gone, or this member leaving). */
    synchronized long givenUp() { return givenUp; }

    private boolean leaving() {
        return Thread.currentThread().isInterrupted() || !running.getAsBoolean();
    }

    private synchronized void count(int rows, long nanos) {
        combinations += rows;
        busyNanos += nanos;
    }

    private PreparedSweep prepared(byte[] spec) {
        String key = Digests.sha256(spec);
        synchronized (prepared) {
            PreparedSweep p = prepared.get(key);
            if (p != null) return p;
            p = PreparedSweep.of(SweepSpec.decode(spec), shelf, name);
            prepared.put(key, p);
            if (prepared.size() > KEEP) prepared.remove(prepared.keySet().iterator().next());
            return p;
        }
    }
}
