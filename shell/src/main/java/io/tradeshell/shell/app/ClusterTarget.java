package io.tradeshell.shell.app;

import java.util.Optional;

/**
 * The cluster a sweep is sent to, as plain text: nothing of the cluster is loaded until the sweep joins it.
 *
 * @param members the members' {@code HOST:PORT,...}
 * @param bind    the address this process listens on as a member
 * @param name    the cluster's name
 * @param secret  the shared secret; empty for the environment's
 */
public record ClusterTarget(String members, String bind, String name, Optional<String> secret) {
    @Override
    public String toString() {
        return "ClusterTarget[members=" + members + ", bind=" + bind + ", name=" + name + ", secret=" + (secret.isPresent() ? "****" : "") + "]";
    }
}
