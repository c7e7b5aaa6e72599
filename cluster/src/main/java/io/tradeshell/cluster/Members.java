package io.tradeshell.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.AdvancedNetworkConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.InterfacesConfig;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.ServerSocketEndpointConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.HexFormat;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts a Hazelcast member the way every TradeShell member is configured: TCP/IP join only on
 * the given address, no client port, a cluster name that only the holders of the shared secret
 * can compute (Hazelcast refuses a member whose cluster name differs when it joins), sweep tasks
 * as the only classes of ours made from the wire, and Java serialization limited to Hazelcast's
 * and the JDK's own classes.
 */
final class Members {
    static final String EXECUTOR = "tradeshell-sweeps";
    /** File bytes by SHA-256, put once by the submitter for members that do not have the file. */
    static final String DATA = "tradeshell-data";
    static final String THREADS = "tradeshell.threads";
    /**
     * Hazelcast logs only its errors: members coming and going make it warn about dropped
     * connections and moved partitions, which the worker reports in a line of its own...
     */
    private static final Logger HAZELCAST = Logger.getLogger("com.hazelcast");
    /** ...but its start-up warning that JDK packages it needs are not opened (the launcher's --add-opens flags) stays. */
    private static final Logger STARTUP = Logger.getLogger("com.hazelcast.instance.impl.HazelcastInstanceFactory");

    private Members() { }

    /**
     * Starts a member. {@code leavesOnExit}: Hazelcast's own shutdown hook takes it out of the
     * cluster gracefully when the JVM stops (a worker's Ctrl-C); a submitter has none, because
     * its Ctrl-C first stops the sweep, cancels the batches out on members and then leaves, which
     * that hook, running at the same time, would cut short.
     */
    static HazelcastInstance start(ClusterSettings s, SweepMember member, boolean leavesOnExit) {
        HAZELCAST.setLevel(Level.SEVERE);
        STARTUP.setLevel(Level.WARNING);
        Config c = new Config();
        c.setInstanceName("tradeshell-" + UUID.randomUUID());
        c.setClusterName(clusterName(s));
        c.setProperty("hazelcast.logging.type", "jdk");
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.shutdownhook.enabled", Boolean.toString(leavesOnExit));
        c.setProperty("hazelcast.shutdownhook.policy", "GRACEFUL");
        c.setProperty("hazelcast.wait.seconds.before.join", "0");
        c.setProperty("hazelcast.max.wait.seconds.before.join", "1");
        c.setProperty("hazelcast.socket.bind.any", "false");
        c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        c.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
        c.setProperty("hazelcast.partition.count", "31");
        c.getJetConfig().setEnabled(false);

        AdvancedNetworkConfig network = c.getAdvancedNetworkConfig().setEnabled(true); // a member endpoint and no client one
        ServerSocketEndpointConfig endpoint = new ServerSocketEndpointConfig();
        endpoint.setPort(s.port()).setPortAutoIncrement(true).setPortCount(100);
        endpoint.setInterfaces(new InterfacesConfig().setEnabled(true).addInterface(s.bind()));
        network.setMemberEndpointConfig(endpoint);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(3).setMembers(s.join());

        c.getExecutorConfig(EXECUTOR).setPoolSize(s.threads());
        c.getMapConfig(DATA).setBackupCount(1);
        JavaSerializationFilterConfig filter = new JavaSerializationFilterConfig().setDefaultsDisabled(false);
        filter.getWhitelist().addPrefixes("com.hazelcast.", "java.");
        c.getSerializationConfig().addDataSerializableFactory(Serial.FACTORY, new Serial()).setJavaSerializationFilterConfig(filter);
        c.getMemberAttributeConfig().setAttribute(THREADS, Integer.toString(s.threads()));
        c.getUserContext().put(SweepMember.KEY, member);

        HazelcastInstance hz = Hazelcast.newHazelcastInstance(c);
        member.attach(address(hz.getCluster().getLocalMember()), sha -> hz.<String, byte[]>getMap(DATA).get(sha),
                () -> hz.getLifecycleService().isRunning(),
                owner -> hz.getCluster().getMembers().stream().anyMatch(m -> m.getUuid().toString().equals(owner)));
        hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) { }

            @Override
            public void memberRemoved(MembershipEvent e) {
                member.ownerLeft(e.getMember().getUuid().toString());
            }
        });
        return hz;
    }

    /** The cluster name with a digest of the secret in it: members with another secret form another cluster. */
    static String clusterName(ClusterSettings s) {
        return s.name() + "-" + HexFormat.of().formatHex(Digests.mac(s.secret(), s.name().getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 8);
    }

    static String address(Member m) {
        return m.getAddress().getHost() + ":" + m.getAddress().getPort();
    }

    static int threads(Member m) {
        String t = m.getAttribute(THREADS);
        try {
            return t == null ? 1 : Math.max(1, Integer.parseInt(t));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
