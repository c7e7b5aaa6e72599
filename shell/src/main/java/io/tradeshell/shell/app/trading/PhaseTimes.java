package io.tradeshell.shell.app.trading;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * With {@code TRADESHELL_TIMES} set, prints on stderr when each phase of a command ends: time
 * since the JVM started and the process's CPU seconds so far, to see where a short run's time
 * goes. Off by default, when it costs one environment lookup.
 */
public final class PhaseTimes {
    private static final boolean ON = System.getenv("TRADESHELL_TIMES") != null;

    private PhaseTimes() { }

    public static void mark(String phase) {
        if (!ON) return;
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
        PrintStream err = System.err;
        err.printf("[times] %-28s %6.3f s wall  %6.3f s cpu  (%s)%n", phase, uptime / 1e3, cpu / 1e3, Thread.currentThread().getName());
    }
}
