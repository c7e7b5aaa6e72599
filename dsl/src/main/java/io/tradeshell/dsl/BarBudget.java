package io.tradeshell.dsl;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The time a script's block may take for one bar (or tick, or the script body). A watchdog
 * thread interrupts a block that overruns, and the loop checks compiled into every script loop
 * turn the interrupt into an error naming the script line, so a {@code while (true) {}} stops a
 * run instead of hanging it. Arming costs three volatile writes per call.
 *
 * <p>The budget counts the processor time the block's thread spends, not the wall clock: a
 * garbage collection pause or a busy machine must not stop a healthy run. A block that waits
 * without computing is stopped once the wall clock passes {@link #WAIT_FACTOR} budgets.
 */
final class BarBudget {
    /** One second unless {@code -Dtradeshell.barBudget=2s} (or {@code 500ms}) says otherwise. */
    static final Duration DEFAULT = parse(System.getProperty("tradeshell.barBudget", "1s"));

    /** Every budget armed once and not yet collected: a run over a large universe arms one per symbol, so adding must be cheap. */
    private static final Queue<WeakReference<BarBudget>> WATCHED = new ConcurrentLinkedQueue<>();
    private static final long POLL_MILLIS = 20;
    static final int WAIT_FACTOR = 10;
    private static Thread watchdog;

    private final long budgetNanos;
    private volatile long deadline;
    private volatile Thread thread;
    private volatile boolean overran;
    /** Counts the calls, so the watchdog knows a call it has seen from the next one. */
    private volatile long calls;
    private boolean registered;
    // the watchdog's own notes: the call it saw last, the thread's processor time then, and when
    private long seenCall = -1, seenCpu, seenAt;

    BarBudget(Duration budget) {
        this.budgetNanos = budget.toNanos();
    }

    /** Runs {@code block} within the budget; an overrun throws {@link Overrun}. */
    <T> T call(java.util.concurrent.Callable<T> block) throws Exception {
        // a block called from one already running (a custom indicator read in onBar) shares its budget
        if (deadline != 0 && thread == Thread.currentThread()) return block.call();
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
        calls++;
        deadline = System.nanoTime() + budgetNanos;
    }

    private void disarm() {
        deadline = 0;
        if (overran) Thread.interrupted(); // the interrupt was ours; do not leak it to the caller
    }

    private void check(long now) {
        long d = deadline;
        Thread t = thread;
        if (d == 0 || t == null || overran) return;
        if (!Cpu.MEASURED) {
            if (now - d > 0) stop(t);
            return;
        }
        long call = calls;
        if (call != seenCall) { // a call not seen before: note where its thread's processor time stands
            seenCall = call;
            seenCpu = Cpu.THREADS.getThreadCpuTime(t.threadId());
            seenAt = now;
            return;
        }
        long used = Cpu.THREADS.getThreadCpuTime(t.threadId()) - seenCpu;
        // up to one poll passed between the call's start and the first look at it
        if (used + TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS) > budgetNanos || now - seenAt > WAIT_FACTOR * budgetNanos) stop(t);
    }

    private void stop(Thread t) {
        overran = true;
        t.interrupt();
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
            for (Iterator<WeakReference<BarBudget>> it = WATCHED.iterator(); it.hasNext(); ) {
                BarBudget b = it.next().get();
                if (b == null) it.remove();
                else b.check(now);
            }
        }
    }

    /** Loaded by the watchdog on its first look, so a run's start does not wait for the management classes. */
    private static final class Cpu {
        static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        static final boolean MEASURED = THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
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
