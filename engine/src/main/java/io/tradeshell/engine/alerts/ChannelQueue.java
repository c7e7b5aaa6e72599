package io.tradeshell.engine.alerts;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One remote channel's own bounded queue and sending thread, so a webhook that takes half a
 * minute to answer holds up only itself: never the trading loop, the log, the console or the
 * other channels.
 */
final class ChannelQueue {
    /** An alert on its way to the remote channels; the last one to finish with it counts it. */
    record Delivery(Alert alert, AtomicInteger channelsLeft, AtomicBoolean lost) {
        Delivery(Alert alert, int channels) {
            this(alert, new AtomicInteger(channels), new AtomicBoolean());
        }
    }

    /** What a sending thread reports back to its router. */
    interface Outcome {
        void finished(Delivery d);

        void failed(AlertChannel channel, Throwable e);
    }

    /** Queued after the last alert to tell the sending thread to stop. */
    private static final Delivery STOP = new Delivery(new Alert(0, AlertLevel.INFO, "", "", ""), 0);

    private final AlertChannel channel;
    private final BlockingQueue<Delivery> queue;
    private final Outcome outcome;
    private final Thread worker;
    /** Set when close gave up waiting: the thread stops after its current alert, silently. */
    private volatile boolean abandoned;

    ChannelQueue(AlertChannel channel, int capacity, String source, Outcome outcome) {
        this.channel = channel;
        this.queue = new ArrayBlockingQueue<>(capacity + 1);   // one spare place for STOP
        this.outcome = outcome;
        this.worker = Thread.ofPlatform().name("alerts " + source + " " + channel.name()).daemon().unstarted(this::sendUntilStopped);
        worker.start();
    }

    AlertChannel channel() { return channel; }

    /** Queues without waiting; false when the queue is full. */
    boolean offer(Delivery d) {
        return queue.remainingCapacity() > 1 && queue.offer(d);
    }

    /** Asks the thread to stop after what is queued; never blocks long, {@link #offer} keeps a place free. */
    void stop() throws InterruptedException {
        queue.put(STOP);
    }

    /** Waits until {@code deadlineNanos} (of {@link System#nanoTime}) for the thread to finish. */
    boolean awaitStopped(long deadlineNanos) throws InterruptedException {
        worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
        return !worker.isAlive();
    }

    /** Gives up on what is left: returns how many alerts were still queued. */
    int abandon() {
        int left = (int) queue.stream().filter(d -> d != STOP).count();
        abandoned = true;
        queue.clear();
        worker.interrupt();
        return left;
    }

    private void sendUntilStopped() {
        try {
            while (!abandoned) {
                Delivery d = queue.take();
                if (d == STOP) return;
                try {
                    channel.send(d.alert());
                } catch (VirtualMachineError e) {
                    throw e;
                } catch (Throwable e) {   // a broken channel must not silence the others
                    if (abandoned) return;   // close has already said this alert was left behind
                    outcome.failed(channel, e);
                }
                outcome.finished(d);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();   // close gave up waiting
        }
    }
}
