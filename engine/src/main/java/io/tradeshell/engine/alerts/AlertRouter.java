package io.tradeshell.engine.alerts;

import io.tradeshell.engine.events.EventListener;
import io.tradeshell.engine.events.TradingEvent;
import io.tradeshell.engine.events.TradingEvent.RiskDenied;
import io.tradeshell.engine.events.TradingEvent.TradingStateChanged;
import io.tradeshell.engine.risk.RiskManager;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns the risk layer's events into alerts and hands them to every channel: a refused order
 * is WARN; trading HALTED is CRITICAL, REDUCING is WARN, back to ACTIVE is INFO. Other events
 * are ignored.
 *
 * <p>Delivery happens on one background thread fed by a bounded queue, so a slow webhook or
 * mail server never holds up the trading loop: {@link #on} only queues. When the queue is full
 * the alert is dropped and counted. A channel that throws is reported on the console and
 * counted, and the other channels still get the alert. Repeats of an alert (same kind, same
 * reason) within the repeat window of the run's clock are held back and counted in the next one.
 * After a halt, orders refused only because trading is halted raise no alert of their own: the
 * halt's alert said it, once (they are counted as suppressed).
 * {@link #close} delivers what is queued, waiting at most a timeout, then closes the channels.
 */
public final class AlertRouter implements EventListener, AutoCloseable {
    public static final int DEFAULT_CAPACITY = 1000;
    public static final Duration DEFAULT_REPEAT_WINDOW = Duration.ofMinutes(1);
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(10);

    /**
     * What the router has done so far.
     *
     * @param sent       alerts handed to every channel (some channels may have failed on them)
     * @param suppressed repeats held back and only counted in a later alert
     * @param dropped    alerts lost because the queue was full
     * @param failures   failed sends, one per alert and channel
     */
    public record Stats(long sent, long suppressed, long dropped, long failures) { }

    /** Queued after the last alert to tell the delivery thread to stop. */
    private static final Alert STOP = new Alert(0, AlertLevel.INFO, "", "", "");

    private final String source;
    private final List<AlertChannel> channels;
    private final PrintWriter console;
    private final BlockingQueue<Alert> queue;
    private final RepeatLimiter repeats;
    private final Thread worker;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private long suppressed;
    /** Since a HALTED state change, until the next change: the trading loop's thread only. */
    private boolean halted;
    private boolean closed;
    /** Set when close gave up waiting: the sending thread stops after its current alert, silently. */
    private volatile boolean abandoned;
    private boolean closedCleanly;

    /**
     * @param source   the account or run the alerts come from
     * @param channels where alerts go; the router closes them on {@link #close}
     * @param console  where channel failures and dropped alerts are reported
     */
    public AlertRouter(String source, List<AlertChannel> channels, PrintWriter console) {
        this(source, channels, console, DEFAULT_CAPACITY, DEFAULT_REPEAT_WINDOW);
    }

    public AlertRouter(String source, List<AlertChannel> channels, PrintWriter console, int capacity, Duration repeatWindow) {
        if (capacity < 1) throw new IllegalArgumentException("alert queue capacity must be >= 1, was " + capacity);
        this.source = Objects.requireNonNull(source);
        this.channels = List.copyOf(channels);
        this.console = Objects.requireNonNull(console);
        this.queue = new ArrayBlockingQueue<>(capacity + 1);   // one spare place for STOP
        this.repeats = new RepeatLimiter(repeatWindow.toMillis());
        this.worker = Thread.ofPlatform().name("alerts " + source).daemon().unstarted(this::deliverUntilStopped);
        worker.start();
    }

    public String source() { return source; }

    public List<AlertChannel> channels() { return channels; }

    /** Queues an alert for a risk event; ignores every other event. Never blocks on delivery. */
    @Override
    public void on(TradingEvent event) {
        switch (event) {
            case RiskDenied d when halted && RiskManager.HALTED_REASON.equals(d.reason()) -> countedInTheHalt();
            case RiskDenied d -> admit(RiskAlerts.repeatKey(d), RiskAlerts.denied(d, source));
            case TradingStateChanged s -> {
                halted = s.state().equals("HALTED");
                admit(RiskAlerts.repeatKey(s), RiskAlerts.stateChanged(s, source));
            }
            default -> { }
        }
    }

    private synchronized void countedInTheHalt() {
        suppressed++;
    }

    /** Queues an alert as it is, without repeat limiting: an operator's message, a session start. */
    public synchronized void send(Alert alert) {
        enqueue(Objects.requireNonNull(alert));
    }

    private synchronized void admit(String key, Alert alert) {
        Optional<Alert> out = repeats.admit(key, alert);
        if (out.isPresent()) enqueue(out.get());
        else suppressed++;
    }

    private void enqueue(Alert a) {
        if (closed) {
            report("alerts: closed, not sent: " + ConsoleAlerts.line(a));
        } else if (queue.remainingCapacity() <= 1 || !queue.offer(a)) {
            if (dropped.getAndIncrement() == 0) report("alerts: queue full, dropping alerts (the total is reported at the end)");
        }
    }

    public synchronized Stats stats() {
        return new Stats(sent.get(), suppressed, dropped.get(), failures.get());
    }

    private void deliverUntilStopped() {
        try {
            while (!abandoned) {
                Alert a = queue.take();
                if (a == STOP) return;
                deliver(a);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();   // close gave up waiting
        }
    }

    private void deliver(Alert a) {
        for (AlertChannel c : channels) {
            try {
                c.send(a);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {   // a broken channel must not silence the others
                if (abandoned) return;   // close has already said this alert was left behind
                failures.incrementAndGet();
                report("alert channel " + c.name() + " failed: " + describe(e));
            }
        }
        sent.incrementAndGet();
    }

    /** A delivery problem says where and why itself; anything else is shown with its type. */
    private static String describe(Throwable e) {
        return e instanceof AlertDeliveryException ? e.getMessage() : e.toString();
    }

    private void report(String line) {
        console.println(line);
        console.flush();
    }

    /** Delivers what is queued, waiting at most {@link #DEFAULT_CLOSE_TIMEOUT}, then closes the channels. */
    @Override
    public void close() {
        close(DEFAULT_CLOSE_TIMEOUT);
    }

    /**
     * Sends the held-back repeats, delivers everything queued, then closes the channels.
     * Returns false when the timeout passed first (what was left is reported, not delivered).
     */
    public boolean close(Duration timeout) {
        synchronized (this) {
            if (closed) return closedCleanly;
            List<Alert> held = repeats.release();
            suppressed -= held.size();
            for (Alert a : held) enqueue(a);
            closed = true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean done;
        try {
            queue.put(STOP);   // never blocks long: enqueue keeps one place free
            worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            done = !worker.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done = false;
        }
        if (!done) {
            int left = (int) queue.stream().filter(a -> a != STOP).count();
            abandoned = true;
            queue.clear();
            worker.interrupt();
            report("alerts: gave up after " + timeout.toMillis() + " ms with " + left + " alert" + (left == 1 ? "" : "s")
                    + " still queued and one possibly being sent");
        } else {
            for (AlertChannel c : channels) closeQuietly(c);
        }
        long d = dropped.get();
        if (d > 0) report("alerts: " + d + " alert" + (d == 1 ? " was" : "s were") + " dropped because the queue was full");
        synchronized (this) {
            closedCleanly = done;
        }
        return done;
    }

    private void closeQuietly(AlertChannel c) {
        try {
            c.close();
        } catch (RuntimeException e) {
            report("alert channel " + c.name() + " did not close cleanly: " + describe(e));
        }
    }
}
