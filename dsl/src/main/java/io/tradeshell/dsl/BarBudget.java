package io.tradeshell.dsl;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The time a script's block may take for one bar (or tick, or the script body). A watchdog
 * thread interrupts a block that overruns, and the loop checks compiled into every script loop
 * turn the interrupt into an error naming the script line, so a {@code while (true) {}} stops a
 * run instead of hanging it. Arming costs two volatile writes per call.
 */
final class BarBudget {
    /** One second unless {@code -Dtradeshell.barBudget=2s} (or {@code 500ms}) says otherwise. */
    static final Duration DEFAULT = parse(System.getProperty("tradeshell.barBudget", "1s"));

    private static final List<WeakReference<BarBudget>> WATCHED = new CopyOnWriteArrayList<>();
    private static final long POLL_MILLIS = 20;
    private static Thread watchdog;

    private final long budgetNanos;
    private volatile long deadline;
    private volatile Thread thread;
    private volatile boolean overran;
    private boolean registered;

    BarBudget(Duration budget) {
        this.budgetNanos = budget.toNanos();
    }

    /** Runs {@code block} within the budget; an overrun throws {@link Overrun}. */
    <T> T call(java.util.concurrent.Callable<T> block) throws Exception {
        arm();
        try {
            return block.call();
        } catch (Throwable t) {
            if (overran) throw new Overrun(budgetNanos, t);
            throw t;
        } finally {
            disarm();
        }
    }

    private void arm() {
        if (!registered) {
            registered = true;
            watch(this);
        }
        overran = false;
        thread = Thread.currentThread();
        deadline = System.nanoTime() + budgetNanos;
    }

    private void disarm() {
        deadline = 0;
        if (overran) Thread.interrupted(); // the interrupt was ours; do not leak it to the caller
    }

    private void check(long now) {
        long d = deadline;
        Thread t = thread;
        if (d != 0 && now - d > 0 && t != null && !overran) {
            overran = true;
            t.interrupt();
        }
    }

    private static synchronized void watch(BarBudget b) {
        WATCHED.add(new WeakReference<>(b));
        if (watchdog == null) {
            watchdog = Thread.ofPlatform().daemon().name("tradeshell-bar-budget").start(BarBudget::patrol);
        }
    }

    private static void patrol() {
        while (true) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (WeakReference<BarBudget> ref : WATCHED) {
                BarBudget b = ref.get();
                if (b == null) WATCHED.remove(ref);
                else b.check(now);
            }
        }
    }

    static Duration parse(String text) {
        String t = text.trim().toLowerCase();
        try {
            if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            if (t.endsWith("s")) return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            return Duration.ofMillis(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a bar budget is a time such as 1s or 500ms, got '" + text + "'");
        }
    }

    /** A block ran past its budget. */
    static final class Overrun extends RuntimeException {
        Overrun(long budgetNanos, Throwable cause) {
            super("ran longer than its budget of " + describe(budgetNanos) + " (an endless loop?)", cause);
        }

        private static String describe(long nanos) {
            long ms = nanos / 1_000_000;
            return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
        }
    }
}
