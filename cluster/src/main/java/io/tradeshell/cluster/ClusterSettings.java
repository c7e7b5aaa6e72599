package io.tradeshell.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a process takes part in a cluster: the cluster's name and shared secret (a member joins
 * only a cluster with both the same), the address and first port it listens on, the members it
 * asks to join (TCP/IP only, never multicast), how many sweep batches it runs at once, and where
 * relative data paths are looked for.
 */
public record ClusterSettings(String name, String secret, String bind, int port, List<String> join, int threads, Path dataRoot) {
    public static final String DEFAULT_NAME = "tradeshell";
    public static final int DEFAULT_PORT = 5701;
    /** Where the shared secret is read from when no option gives it. */
    public static final String SECRET_VARIABLE = "TRADESHELL_CLUSTER_SECRET";

    public ClusterSettings {
        Objects.requireNonNull(name);
        Objects.requireNonNull(secret);
        Objects.requireNonNull(bind);
        Objects.requireNonNull(dataRoot);
        join = List.copyOf(join);
        if (name.isBlank()) throw new IllegalArgumentException("the cluster name must not be blank");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("--port must be 1..65535, got " + port);
        if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        for (String member : join) address(member);
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind " + bind + ": not an address of this machine");
        }
        if (address.isAnyLocalAddress()) throw new IllegalArgumentException("--bind takes one address of this machine, not " + bind);
        if (!address.isLoopbackAddress() && !onThisMachine(address)) {
            throw new IllegalArgumentException("--bind " + bind + ": not an address of this machine");
        }
        if (!address.isLoopbackAddress() && secret.isBlank()) {
            throw new IllegalArgumentException("--bind " + bind + " is reachable from other machines: give the cluster a shared secret "
                    + "(--secret or " + SECRET_VARIABLE + ")");
        }
    }

    private static boolean onThisMachine(InetAddress address) {
        try {
            return java.net.NetworkInterface.getByInetAddress(address) != null;
        } catch (java.net.SocketException e) {
            return false;
        }
    }

    /** A member on 127.0.0.1 from port 5701, joining {@code join}, with the secret from the environment if set. */
    public static ClusterSettings local(List<String> join, int threads) {
        return new ClusterSettings(DEFAULT_NAME, secretFromEnvironment(), "127.0.0.1", DEFAULT_PORT, join, threads, Path.of("").toAbsolutePath());
    }

    public static String secretFromEnvironment() {
        String s = System.getenv(SECRET_VARIABLE);
        return s == null ? "" : s;
    }

    /** Members given as {@code HOST:PORT,HOST:PORT}. */
    public static List<String> members(String list) {
        List<String> out = new ArrayList<>();
        for (String m : list.split(",")) {
            if (m.isBlank()) continue;
            address(m.trim());
            out.add(m.trim());
        }
        if (out.isEmpty()) throw new IllegalArgumentException("--cluster needs at least one member, as HOST:PORT[,HOST:PORT...]");
        return out;
    }

    private static void address(String member) {
        int colon = member.lastIndexOf(':');
        if (colon <= 0) throw new IllegalArgumentException("a member is HOST:PORT, got '" + member + "'");
        try {
            int p = Integer.parseInt(member.substring(colon + 1));
            if (p < 1 || p > 65535) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a member is HOST:PORT, got '" + member + "'");
        }
    }

    /** The settings as text, with the secret left out: they may end up in a message or a log. */
    @Override
    public String toString() {
        return "ClusterSettings[name=" + name + ", secret=" + (secret.isEmpty() ? "none" : "(set)") + ", bind=" + bind + ", port=" + port
                + ", join=" + join + ", threads=" + threads + ", dataRoot=" + dataRoot + "]";
    }

    public ClusterSettings withName(String n) { return new ClusterSettings(n, secret, bind, port, join, threads, dataRoot); }
    public ClusterSettings withSecret(String s) { return new ClusterSettings(name, s, bind, port, join, threads, dataRoot); }
    public ClusterSettings withBind(String b) { return new ClusterSettings(name, secret, b, port, join, threads, dataRoot); }
    public ClusterSettings withPort(int p) { return new ClusterSettings(name, secret, bind, p, join, threads, dataRoot); }
    public ClusterSettings withDataRoot(Path d) { return new ClusterSettings(name, secret, bind, port, join, threads, d); }
}
