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

    /**
     * One watch per thread that has run a block: the watchdog looks at what each thread runs now,
     * so a run over a large universe (a budget per symbol, hundreds of runs in a bench or sweep)
     * gives it a handful of entries to look at, not one per budget ever armed.
     */
    private static final Queue<WeakReference<Watch>> WATCHED = new ConcurrentLinkedQueue<>();
    private static final ThreadLocal<Watch> WATCH = ThreadLocal.withInitial(BarBudget::watchThisThread);
    private static final long POLL_MILLIS = 20;
    static final int WAIT_FACTOR = 10;
    private static Thread watchdog;

    private final long budgetNanos;
    private volatile long deadline;
    private volatile Thread thread;
    private volatile boolean overran;

    BarBudget(Duration budget) {
        this.budgetNanos = budget.toNanos();
    }

    /** Runs {@code block} within the budget; an overrun throws {@link Overrun}. */
    <T> T call(java.util.concurrent.Callable<T> block) throws Exception {
        // a block called from one already running (a custom indicator read in onBar) shares its budget
        if (deadline != 0 && thread == Thread.currentThread()) return block.call();
        Watch watch = WATCH.get();
        arm(watch);
        try {
            return block.call();
        } catch (Throwable t) {
            if (overran) throw new Overrun(budgetNanos, t);
            throw t;
        } finally {
            disarm(watch);
        }
    }

    private void arm(Watch watch) {
        overran = false;
        thread = Thread.currentThread();
        deadline = System.nanoTime() + budgetNanos;
        watch.calls++;
        watch.current = this;
    }

    private void disarm(Watch watch) {
        watch.current = null;
        deadline = 0;
        if (overran) Thread.interrupted(); // the interrupt was ours; do not leak it to the caller
    }

    private void stop(Thread t) {
        overran = true;
        t.interrupt();
    }

    /** What one thread runs now, and the watchdog's notes on it. */
    private static final class Watch {
        final Thread thread;
        volatile BarBudget current;
        /** Counts the calls, so the watchdog knows a call it has seen from the next one. */
        volatile long calls;
        // the watchdog's own notes: the call it saw last, the thread's processor time then, and when
        private long seenCall = -1, seenCpu, seenAt;

        Watch(Thread thread) {
            this.thread = thread;
        }

        void check(long now) {
            BarBudget b = current;
            if (b == null) return;
            long d = b.deadline;
            if (d == 0 || b.overran) return;
            if (!Cpu.MEASURED) {
                if (now - d > 0) b.stop(thread);
                return;
            }
            long call = calls;
            if (call != seenCall) { // a call not seen before: note where its thread's processor time stands
                seenCall = call;
                seenCpu = Cpu.THREADS.getThreadCpuTime(thread.threadId());
                seenAt = now;
                return;
            }
            long used = Cpu.THREADS.getThreadCpuTime(thread.threadId()) - seenCpu;
            // up to one poll passed between the call's start and the first look at it
            if (used + TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS) > b.budgetNanos || now - seenAt > WAIT_FACTOR * b.budgetNanos) {
                if (current == b && calls == call) b.stop(thread);
            }
        }
    }

    private static synchronized Watch watchThisThread() {
        Watch w = new Watch(Thread.currentThread());
        WATCHED.add(new WeakReference<>(w));
        if (watchdog == null) {
            watchdog = Thread.ofPlatform().daemon().name("tradeshell-bar-budget").start(BarBudget::patrol);
        }
        return w;
    }

    private static void patrol() {
        while (true) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Iterator<WeakReference<Watch>> it = WATCHED.iterator(); it.hasNext(); ) {
                Watch w = it.next().get();
                if (w == null || !w.thread.isAlive()) it.remove();
                else w.check(now);
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
