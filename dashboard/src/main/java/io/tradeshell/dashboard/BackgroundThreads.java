package io.tradeshell.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dashboard's threads: daemon platform threads that ask the system, as they start, to be
 * served after the trading thread when both want a processor (a nice value of {@value #NICE}).
 * On a busy machine the trading loop then keeps its share and the pages wait a little instead.
 * Linux keeps a nice value per thread, so only these threads are lowered (by {@code renice} on
 * the thread's own id, since the JDK has no call for it); where that is not possible they run at
 * the normal priority.
 */
final class BackgroundThreads implements ThreadFactory {
    static final int NICE = 10;
    private static final Path SELF = Path.of("/proc/thread-self"), RENICE = Path.of("/usr/bin/renice");
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable work) {
        return Thread.ofPlatform().daemon().name("dashboard-" + count.incrementAndGet()).unstarted(() -> {
            lowerThisThread();
            work.run();
        });
    }

    /** Whether threads made here are lowered: false where the system has no per-thread nice value to set. */
    static boolean lowers() {
        return Files.isSymbolicLink(SELF) && Files.isExecutable(RENICE);
    }

    private static void lowerThisThread() {
        if (!lowers()) return;
        try {
            String thread = Files.readSymbolicLink(SELF).getFileName().toString(); // PID/task/TID
            // not waited for: the thread serves at once, lowered a moment later
            new ProcessBuilder(RENICE.toString(), "-n", String.valueOf(NICE), "-p", thread)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            // the thread keeps the normal priority: trading shares a busy machine with it, nothing worse
        }
    }
}
