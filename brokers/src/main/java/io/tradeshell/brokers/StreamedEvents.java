package io.tradeshell.brokers;

import io.tradeshell.engine.run.FeedSink;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bars and trades a live feed's stream brings (on its own thread), waiting for the loop's
 * thread. {@link #next} waits at most {@value #WAIT_MILLIS} ms and answers true without an event
 * when none came, so a session looks at its commands while the market is quiet; false once closed.
 */
public final class StreamedEvents {
    public static final long WAIT_MILLIS = 50;

    private record Event(int slot, long time, double open, double high, double low, double close, double volume, boolean tick) { }

    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    private final long periodMillis;
    private volatile boolean closed;
    private long position;

    /** @param periodMillis the bars' period: a bar's close is its open time plus this */
    public StreamedEvents(long periodMillis) {
        this.periodMillis = periodMillis;
    }

    public void bar(int slot, long openTime, double open, double high, double low, double close, double volume) {
        queue.add(new Event(slot, openTime, open, high, low, close, volume, false));
    }

    public void tick(int slot, long time, double price, double amount) {
        queue.add(new Event(slot, time, price, price, price, price, amount, true));
    }

    /** Events delivered so far. */
    public long position() {
        return position;
    }

    public boolean next(FeedSink sink) {
        if (closed) return false;
        Event e;
        try {
            e = queue.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (e == null) return !closed; // nothing yet: the session looks at its commands and asks again
        position++;
        if (e.tick()) sink.onTick(e.slot(), e.time(), e.close(), e.volume());
        else sink.onBar(e.slot(), e.time(), e.open(), e.high(), e.low(), e.close(), e.volume());
        return true;
    }

    /** The close of the next bar if it is next, else Long.MAX_VALUE. */
    public long peekBarTime() {
        Event e = queue.peek();
        return e == null || e.tick() ? Long.MAX_VALUE : e.time() + periodMillis;
    }

    /** When the next event happens: a trade's time or a bar's close; Long.MAX_VALUE when none has come. */
    public long nextEventTime() {
        Event e = queue.peek();
        return e == null ? Long.MAX_VALUE : e.tick() ? e.time() : e.time() + periodMillis;
    }

    public boolean closed() {
        return closed;
    }

    public void close() {
        closed = true;
    }
}
