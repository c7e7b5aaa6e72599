package io.tradeshell.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

/**
 * A member that takes sweep work until it is shut down: {@code tradeshell worker}. It says when
 * members come and go; what it runs is decided by whoever submits sweeps.
 */
public final class ClusterWorker implements AutoCloseable {
    private final HazelcastInstance hz;
    private final SweepMember member;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private ClusterWorker(HazelcastInstance hz, SweepMember member) {
        this.hz = hz;
        this.member = member;
    }

    /** Starts the member and joins the cluster (or starts one, when no one listed answers). */
    public static ClusterWorker start(ClusterSettings settings, PrintWriter log) {
        SweepMember member = new SweepMember(settings.secret(), settings.dataRoot());
        ClusterWorker w = new ClusterWorker(Members.start(settings, member, true), member);
        w.hz.getLifecycleService().addLifecycleListener(e -> {
            if (e.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) w.stopped.countDown();
        });
        w.hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                say(log, "member joined: " + Members.address(e.getMember()) + " (" + e.getMembers().size() + " in the cluster)");
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                say(log, "member left: " + Members.address(e.getMember()) + " (" + e.getMembers().size() + " in the cluster)");
            }
        });
        if (!w.hz.getLifecycleService().isRunning()) w.stopped.countDown();
        return w;
    }

    private static void say(PrintWriter log, String line) {
        synchronized (log) {
            log.println(line);
            log.flush();
        }
    }

    /** This member's address, HOST:PORT, as others join it. */
    public String address() { return member.name(); }

    /** Members in the cluster now, this one included. */
    public int members() { return hz.getCluster().getMembers().size(); }

    /** Combinations this member has run. */
    public long combinations() { return member.combinations(); }

    /** Batches running or waiting here now. */
    int busy() {
        return member.running() + (int) hz.getExecutorService(Members.EXECUTOR).getLocalExecutorStats().getPendingTaskCount();
    }

    /** Batches cancelled here by their submitter (waiting or running), and batches given up here. */
    long cancelled() {
        return hz.getExecutorService(Members.EXECUTOR).getLocalExecutorStats().getCancelledTaskCount() + member.givenUp();
    }

    /** Waits until the member is shut down (by {@link #close} or the JVM's shutdown). */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    /** Leaves the cluster; batches running here are given up and run elsewhere. */
    @Override
    public void close() {
        hz.shutdown();
        stopped.countDown();
    }
}
