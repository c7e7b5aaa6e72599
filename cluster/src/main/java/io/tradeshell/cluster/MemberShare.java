package io.tradeshell.cluster;

/**
 * What one member did for this process's sweeps: combinations run and the time its task threads
 * spent on them, for the per-member speed the command reports.
 */
public record MemberShare(String member, long combinations, long busyNanos, int threads) {
    /** Combinations per second of one task thread while it worked; NaN before any. */
    public double perThreadSecond() {
        return busyNanos > 0 ? combinations * 1e9 / busyNanos : Double.NaN;
    }
}
