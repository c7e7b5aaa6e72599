package io.tradeshell.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.map.IMap;
import com.hazelcast.spi.exception.RetryableException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import io.tradeshell.engine.optimize.CombinationPlan;
import io.tradeshell.engine.optimize.OptimizeRequest;
import io.tradeshell.engine.optimize.Optimizer;
import io.tradeshell.engine.optimize.SweepListener;
import io.tradeshell.engine.optimize.SweepRow;
import io.tradeshell.engine.run.DataInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs sweeps on a cluster, this process included: it joins as a member, sends each member
 * batches of combinations as tasks (as many at a time as the member has threads, twice over, so
 * a faster member takes more and one that joins mid-sweep gets work at once), and hands the rows
 * on in plan order as the batches before them arrive. A batch whose member leaves, shuts down or
 * dies is sent again to another, so nothing is lost and nothing is counted twice; a sweep that
 * stops or fails cancels the batches it still has out, so members do not run them for nobody.
 */
public final class ClusterSweeps implements io.tradeshell.engine.optimize.SweepWorkers, AutoCloseable {
    /** A batch sent again this many times has failed for a reason other than members leaving. */
    private static final int MAX_RETRIES = 20;

    private final HazelcastInstance hz;
    private final ClusterSettings settings;
    private final ScriptSource script;
    private final IExecutorService executor;
    private final Set<String> sent = new LinkedHashSet<>();
    private final Map<String, MemberShare> shares = new TreeMap<>();
    private int maxBatch = Integer.MAX_VALUE;
    private volatile Dispatch current;
    private int resent;
    private int cancelled;
    /** This member's id, which its tasks carry: a member drops the tasks of a submitter that left. */
    private final String owner;

    private ClusterSweeps(HazelcastInstance hz, ClusterSettings settings, ScriptSource script) {
        this.hz = hz;
        this.settings = settings;
        this.script = script;
        this.executor = hz.getExecutorService(Members.EXECUTOR);
        this.owner = hz.getCluster().getLocalMember().getUuid().toString();
    }

    /**
     * Joins the cluster at {@code settings.join()} as a member that takes work too, for sweeps of
     * {@code script}. Fails when none of the listed members answers: a sweep meant for a cluster
     * should not quietly run alone.
     */
    public static ClusterSweeps join(ClusterSettings settings, ScriptSource script) {
        HazelcastInstance hz = Members.start(settings, new SweepMember(settings.secret(), settings.dataRoot()), false);
        if (hz.getCluster().getMembers().size() < 2 && !settings.join().isEmpty()) {
            hz.shutdown();
            throw new IllegalArgumentException("no member answered at " + String.join(",", settings.join())
                    + " (are the workers started, and with the same cluster name and secret?)");
        }
        return new ClusterSweeps(hz, settings, script);
    }

    /** At most {@code n} combinations per task (tests use small batches to spread a small sweep). */
    ClusterSweeps withMaxBatch(int n) {
        this.maxBatch = n;
        return this;
    }

    /** This process's member address. */
    public String address() { return Members.address(hz.getCluster().getLocalMember()); }

    /** Members in the cluster now, this process included. */
    public int members() { return hz.getCluster().getMembers().size(); }

    /** What each member ran for this process so far, by address. */
    public synchronized List<MemberShare> shares() { return new ArrayList<>(shares.values()); }

    /** Batches sent again because their member left. */
    public synchronized int resent() { return resent; }

    /** Batches cancelled on their members because the sweep stopped or failed before they came back. */
    public synchronized int cancelled() { return cancelled; }

    @Override
    public boolean run(OptimizeRequest request, CombinationPlan plan, List<Integer> todo, Consumer<SweepRow> sink, SweepListener listener) {
        if (todo.isEmpty()) return false;
        byte[] spec = SweepSpec.of(request, plan, script).encode();
        share(request.base().data());
        int slots = 0;
        for (Member m : hz.getCluster().getMembers()) slots += Members.threads(m);
        int size = Math.min(maxBatch, Optimizer.batchSize(request, todo.size(), 2 * slots));
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < todo.size(); from += size) {
            batches.add(todo.subList(from, Math.min(todo.size(), from + size)).stream().mapToInt(Integer::intValue).toArray());
        }
        current = new Dispatch(spec, batches, sink, listener);
        try {
            return current.run();
        } finally {
            current = null;
        }
    }

    /** Batches of the sweep running now that are out on the member at {@code address} and not yet back (for tests). */
    int heldBy(String address) {
        Dispatch d = current;
        if (d == null) return 0;
        return (int) d.running.values().stream().filter(m -> Members.address(m).equals(address)).count();
    }

    /** Puts each data file's bytes in the cluster once, for members that do not have the file. */
    private void share(List<DataInput> data) {
        IMap<String, byte[]> map = hz.getMap(Members.DATA);
        for (DataInput d : data) {
            if (sent.contains(d.sha256()) || map.containsKey(d.sha256())) continue;
            Path file = Path.of(d.file());
            if (!file.isAbsolute() && !Files.exists(file)) file = settings.dataRoot().resolve(d.file());
            try {
                byte[] bytes = Files.readAllBytes(file);
                if (!Digests.sha256(bytes).equals(d.sha256())) {
                    throw new IllegalArgumentException(d.file() + " changed since it was loaded; run the sweep again");
                }
                map.set(d.sha256(), bytes);
                sent.add(d.sha256());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " to send it to the cluster: " + e.getMessage(), e);
            }
        }
    }

    private synchronized void tally(BatchOutcome o, int rows) {
        Member m = memberAt(o.member());
        shares.merge(o.member(), new MemberShare(o.member(), rows, o.busyNanos(), m == null ? 0 : Members.threads(m)),
                (a, b) -> new MemberShare(a.member(), a.combinations() + b.combinations(), a.busyNanos() + b.busyNanos(),
                        Math.max(a.threads(), b.threads())));
    }

    private Member memberAt(String address) {
        for (Member m : hz.getCluster().getMembers()) if (Members.address(m).equals(address)) return m;
        return null;
    }

    /** Leaves the cluster, taking the data this process sent with it. */
    @Override
    public void close() {
        try {
            if (hz.getLifecycleService().isRunning()) {
                IMap<String, byte[]> map = hz.getMap(Members.DATA);
                for (String sha : sent) map.delete(sha);
            }
        } finally {
            hz.shutdown();
        }
    }

    /** One sweep's batches on their way: which wait, which run where, which are back. */
    private final class Dispatch {
        private record Back(int batch, Member member, BatchOutcome outcome, Throwable error) { }

        private final byte[] spec;
        private final List<int[]> batches;
        private final Consumer<SweepRow> sink;
        private final SweepListener listener;
        private final TreeSet<Integer> waiting = new TreeSet<>();
        /** Written on the sweep's thread only; read by {@link #heldBy} from any. */
        private final Map<Integer, Member> running = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<Integer, Future<BatchOutcome>> futures = new HashMap<>();
        private final Map<Integer, Integer> tries = new HashMap<>();
        private final TreeMap<Integer, BatchOutcome> back = new TreeMap<>();
        private final BlockingQueue<Back> arrivals = new LinkedBlockingQueue<>();
        private int next;

        Dispatch(byte[] spec, List<int[]> batches, Consumer<SweepRow> sink, SweepListener listener) {
            this.spec = spec;
            this.batches = batches;
            this.sink = sink;
            this.listener = listener;
            for (int b = 0; b < batches.size(); b++) waiting.add(b);
        }

        /** Runs every batch; however it ends (done, stopped, failed), no batch of it is left running on a member. */
        boolean run() {
            try {
                return dispatch();
            } finally {
                cancelRunning();
            }
        }

        private boolean dispatch() {
            while (next < batches.size()) {
                if (listener.stopRequested() || Thread.currentThread().isInterrupted()) return true;
                send();
                try {
                    Back b = arrivals.poll(200, TimeUnit.MILLISECONDS);
                    while (b != null) {
                        take(b);
                        b = arrivals.poll();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true; // rows already handed on stay; batches still running are cancelled
                }
                writeInOrder();
            }
            return false;
        }

        /**
         * Cancels the batches still out, on members still in the cluster: one waiting in a
         * member's queue is dropped, one running is interrupted and gives up within a few hundred
         * bars. (Hazelcast asks a member that left again and again, so those are skipped.)
         */
        private void cancelRunning() {
            boolean interrupted = Thread.interrupted(); // a cancellation waits for the member's answer
            try {
                Set<Member> members = hz.getLifecycleService().isRunning() ? hz.getCluster().getMembers() : Set.of();
                for (Map.Entry<Integer, Future<BatchOutcome>> e : futures.entrySet()) {
                    if (!members.contains(running.get(e.getKey()))) continue;
                    try {
                        if (e.getValue().cancel(true)) {
                            synchronized (ClusterSweeps.this) {
                                cancelled++;
                            }
                        }
                    } catch (RuntimeException ignored) {
                        // the member left meanwhile: nothing of the batch runs there any more
                    }
                }
                futures.clear();
            } finally {
                if (interrupted) Thread.currentThread().interrupt();
            }
        }

        /** Fills every member's free slots with the lowest waiting batches, no further ahead of the writer than memory allows. */
        private void send() {
            if (waiting.isEmpty()) return;
            Map<Member, Integer> busy = new HashMap<>();
            for (Member m : running.values()) busy.merge(m, 1, Integer::sum);
            int capacity = 0;
            Set<Member> members = hz.getCluster().getMembers();
            for (Member m : members) capacity += 2 * Members.threads(m);
            int ahead = Math.max(8, 2 * capacity);
            while (!waiting.isEmpty() && waiting.first() < next + ahead) {
                Member best = null;
                int free = 0;
                for (Member m : members) {
                    int f = 2 * Members.threads(m) - busy.getOrDefault(m, 0);
                    if (f > free) {
                        free = f;
                        best = m;
                    }
                }
                if (best == null) return;
                int batch = waiting.pollFirst();
                running.put(batch, best);
                busy.merge(best, 1, Integer::sum);
                Member member = best;
                try {
                    Future<BatchOutcome> f = executor.submitToMember(new SweepTask(spec, batches.get(batch), settings.secret(), owner), member);
                    futures.put(batch, f);
                    ((CompletionStage<BatchOutcome>) f).whenComplete((outcome, t) -> arrivals.add(new Back(batch, member, outcome, t)));
                } catch (RuntimeException e) {
                    arrivals.add(new Back(batch, member, null, e));
                }
            }
        }

        private void take(Back b) {
            running.remove(b.batch());
            futures.remove(b.batch());
            if (b.error() != null || b.outcome().kind() == BatchOutcome.Kind.ABANDONED) {
                if (b.error() != null && !memberGone(b.error())) {
                    throw new IllegalStateException("member " + Members.address(b.member()) + " failed a batch: " + b.error(), b.error());
                }
                if (!hz.getLifecycleService().isRunning()) throw new IllegalStateException("this process left the cluster mid-sweep");
                if (tries.merge(b.batch(), 1, Integer::sum) > MAX_RETRIES) {
                    throw new IllegalStateException("a batch was sent " + MAX_RETRIES + " times and every member gave it up");
                }
                synchronized (ClusterSweeps.this) {
                    resent++;
                }
                waiting.add(b.batch()); // runs elsewhere, or on the same member if it is still there
                return;
            }
            if (b.outcome().kind() == BatchOutcome.Kind.REFUSED) throw new MemberRefusal(b.outcome().message());
            back.put(b.batch(), b.outcome());
        }

        private void writeInOrder() {
            while (back.containsKey(next)) {
                BatchOutcome o = back.remove(next);
                List<SweepRow> rows = o.rows();
                tally(o, rows.size());
                rows.forEach(sink);
                if (o.kind() == BatchOutcome.Kind.FAILED) throw o.failure();
                next++;
            }
        }

        private static boolean memberGone(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof RetryableException || c instanceof HazelcastInstanceNotActiveException || c instanceof RejectedExecutionException
                        || c instanceof TargetDisconnectedException) {
                    return true;
                }
            }
            return false;
        }
    }
}
