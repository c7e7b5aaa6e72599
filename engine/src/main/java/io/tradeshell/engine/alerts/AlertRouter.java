package io.tradeshell.engine.alerts;

import io.tradeshell.engine.events.EventListener;
import io.tradeshell.engine.events.TradingEvent;
import io.tradeshell.engine.events.TradingEvent.RiskDenied;
import io.tradeshell.engine.events.TradingEvent.TradingStateChanged;
import io.tradeshell.engine.risk.RiskManager;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns the risk layer's events into alerts and hands them to every channel: a refused order
 * is WARN; trading HALTED is CRITICAL, REDUCING is WARN, back to ACTIVE is INFO. Other events
 * are ignored.
 *
 * <p>The console and the log file (the local channels) get each alert at once, on the caller's
 * thread, so every alert reaches them whatever the others do. Each remote channel (webhook,
 * email) has its own bounded queue and sending thread, so a slow webhook or mail server holds
 * up only itself, never the trading loop: {@link #on} only writes locally and queues. When a
 * remote queue is full the alert is dropped there and counted. A channel that throws is
 * reported on the console and counted, and the other channels still get the alert. Repeats of
 * an alert (same kind, same reason) within the repeat window of the run's clock are held back
 * and counted in the next one. After a halt, orders refused only because trading is halted
 * raise no alert of their own: the halt's alert said it, once (they are counted as suppressed).
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

    private final String source;
    private final List<AlertChannel> channels;
    private final PrintWriter console;
    private final List<AlertChannel> local;
    private final List<ChannelQueue> remote;
    private final RepeatLimiter repeats;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private long suppressed;
    /** Since a HALTED state change, until the next change: the trading loop's thread only. */
    private boolean halted;
    private boolean closed;
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
        this.repeats = new RepeatLimiter(repeatWindow.toMillis());
        this.local = this.channels.stream().filter(AlertChannel::local).toList();
        ChannelQueue.Outcome outcome = new ChannelQueue.Outcome() {
            @Override
            public void finished(ChannelQueue.Delivery d) {
                AlertRouter.this.finished(d);
            }

            @Override
            public void failed(AlertChannel channel, Throwable e) {
                AlertRouter.this.failed(channel, e);
            }
        };
        this.remote = this.channels.stream().filter(c -> !c.local()).map(c -> new ChannelQueue(c, capacity, source, outcome)).toList();
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
            return;
        }
        for (AlertChannel c : local) {
            try {
                c.send(a);
            } catch (RuntimeException e) {
                failed(c, e);
            }
        }
        ChannelQueue.Delivery d = new ChannelQueue.Delivery(a, remote.size());
        if (remote.isEmpty()) sent.incrementAndGet();
        for (ChannelQueue q : remote) {
            if (q.offer(d)) continue;
            if (d.lost().compareAndSet(false, true) && dropped.getAndIncrement() == 0) {
                report("alerts: queue full, dropping alerts (the total is reported at the end)");
            }
            finished(d);
        }
    }

    /** Called once per remote channel and alert: the last one counts the alert as sent, unless a full queue lost it. */
    private void finished(ChannelQueue.Delivery d) {
        if (d.channelsLeft().decrementAndGet() == 0 && !d.lost().get()) sent.incrementAndGet();
    }

    private void failed(AlertChannel c, Throwable e) {
        failures.incrementAndGet();
        report("alert channel " + c.name() + " failed: " + describe(e));
    }

    public synchronized Stats stats() {
        return new Stats(sent.get(), suppressed, dropped.get(), failures.get());
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
        boolean done = true;
        int left = 0;
        List<ChannelQueue> stopped = new ArrayList<>();
        try {
            for (ChannelQueue q : remote) q.stop();
            for (ChannelQueue q : remote) {
                if (q.awaitStopped(deadline)) stopped.add(q);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ChannelQueue q : remote) {
            if (stopped.contains(q)) continue;
            done = false;
            left += q.abandon();
        }
        if (!done) {
            report("alerts: gave up after " + timeout.toMillis() + " ms with " + left + " alert" + (left == 1 ? "" : "s")
                    + " still queued and one possibly being sent");
        }
        for (AlertChannel c : local) closeQuietly(c);
        for (ChannelQueue q : stopped) closeQuietly(q.channel());   // a channel still sending is left open
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
