package io.tradeshell.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundThreadsTest {
    /** The nice value of the calling thread, as Linux keeps it (field 19 of /proc/thread-self/stat). */
    private static int niceOfThisThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void itsThreadsGiveWayToOthersAndLeaveTheCallerAsItWas() throws Exception {
        assumeTrue(BackgroundThreads.lowers() && Files.exists(Path.of("/proc/thread-self/stat")), "a Linux nice value per thread");
        int before = niceOfThisThread();
        assumeTrue(before < BackgroundThreads.NICE, "tests run at a higher priority than the dashboard's");
        AtomicInteger seen = new AtomicInteger(-100);
        Thread t = new BackgroundThreads().newThread(() -> {
            try { // lowered a moment after it starts
                for (long until = System.nanoTime() + 10_000_000_000L; niceOfThisThread() != BackgroundThreads.NICE && System.nanoTime() < until; ) Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seen.set(niceOfThisThread());
        });
        t.start();
        t.join(20_000);
        assertThat(t.getName()).startsWith("dashboard-");
        assertThat(t.isDaemon()).as("a dashboard never keeps the process alive").isTrue();
        assertThat(seen.get()).isEqualTo(BackgroundThreads.NICE);
        assertThat(niceOfThisThread()).as("the thread that made it, like the trading thread, keeps its priority").isEqualTo(before);
    }
}
