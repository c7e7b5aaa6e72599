package io.tradeshell.shell.app;

import picocli.CommandLine.Option;

/**
 * The options that send a sweep to a cluster, shared by {@code optimize}, {@code walkforward} and
 * the console. They are plain text: nothing of the cluster is loaded unless {@code --cluster} is given.
 */
public final class ClusterOptions {
    @Option(names = "--cluster", paramLabel = "HOST:PORT,...",
            description = "Run the sweep on the cluster of these members ('tradeshell worker'), this process taking a share too.")
    public String members;

    @Option(names = "--cluster-bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "The address this process listens on as a member (default 127.0.0.1; give one the workers can reach).")
    public String bind = "127.0.0.1";

    @Option(names = "--cluster-name", paramLabel = "NAME", defaultValue = "tradeshell", description = "The cluster's name (default tradeshell).")
    public String name = "tradeshell";

    @Option(names = "--cluster-secret", paramLabel = "SECRET",
            description = "The cluster's shared secret (default: the TRADESHELL_CLUSTER_SECRET variable).")
    public String secret;

    public boolean isSet() {
        return members != null;
    }

    /** The cluster these options name; only when {@link #isSet()}. */
    public ClusterTarget target() {
        return new ClusterTarget(members, bind, name, java.util.Optional.ofNullable(secret));
    }
}
