package io.tradeshell.engine.run;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Plays another feed on a clock: each event is held back until its feed time, scaled by the
 * speed, has passed on the wall clock since the first paced event. Between two events (and
 * every {@value #SLICE_MILLIS} ms while it waits) it runs the {@link Between} work of the
 * session, such as operator commands and status snapshots, on the event loop's thread.
 *
 * <p>When a stop is requested while it waits, {@link #next} returns without delivering
 * anything, so the loop can look at its stop request at once instead of after the wait.
 */
public final class PacedFeed implements Feed, TradingLoop.TickAware, TradingLoop.WarmUp {
    /** How long the feed sleeps at most before it looks at commands and stop requests again. */
    static final long SLICE_MILLIS = 50;

    /** Work done between two feed events, on the event loop's thread. */
    @FunctionalInterface
    public interface Between {
        Between NONE = position -> { };

        /** Called before each event and while waiting for it; {@code position} events are done. */
        void between(long position);
    }

    private final Feed inner;
    private final Speed speed;
    private final WallClock wall;
    private Between between = Between.NONE;
    private BooleanSupplier stop = () -> false;
    private long paceFrom;
    private long anchorWall = Long.MIN_VALUE;
    private long anchorFeed;

    public PacedFeed(Feed inner, Speed speed, WallClock wall) {
        this.inner = inner;
        this.speed = speed;
        this.wall = wall;
    }

    public PacedFeed between(Between work) {
        this.between = work;
        return this;
    }

    public PacedFeed stopWhen(BooleanSupplier stopRequested) {
        this.stop = stopRequested;
        return this;
    }

    /** Events before {@code position} are delivered at once: a resumed session catching up. */
    public PacedFeed paceFrom(long position) {
        this.paceFrom = position;
        return this;
    }

    public Speed speed() { return speed; }

    @Override
    public boolean next(FeedSink sink) {
        long position = inner.position();
        between.between(position);
        if (stop.getAsBoolean()) return true;
        if (!speed.isMax() && position >= paceFrom && !waitForNextEvent(position)) return true;
        return inner.next(sink);
    }

    /** Sleeps until the next event is due; false if a stop was requested meanwhile. */
    private boolean waitForNextEvent(long position) {
        long eventTime = inner.nextEventTime();
        if (eventTime == Long.MAX_VALUE) return true;
        if (anchorWall == Long.MIN_VALUE) {
            anchorWall = wall.millis();
            anchorFeed = eventTime;
        }
        long due = anchorWall + speed.wallMillis(eventTime - anchorFeed);
        while (true) {
            long now = wall.millis();
            if (now >= due) return true;
            try {
                wall.sleep(Math.min(SLICE_MILLIS, due - now));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            between.between(position);
            if (stop.getAsBoolean()) return false;
        }
    }

    @Override
    public io.tradeshell.engine.model.BarSeries warmUp(int slot) {
        return inner instanceof TradingLoop.WarmUp w ? w.warmUp(slot)
                : new io.tradeshell.engine.model.BarSeries(inner.symbols().get(slot), java.time.Duration.ofMillis(inner.periodMillis(slot)), inner.priceScale(slot), 1);
    }

    @Override
    public boolean deliversTicks() {
        return inner instanceof TradingLoop.TickAware t && t.deliversTicks();
    }

    @Override
    public List<String> symbols() { return inner.symbols(); }

    @Override
    public long periodMillis(int slot) { return inner.periodMillis(slot); }

    @Override
    public int priceScale(int slot) { return inner.priceScale(slot); }

    @Override
    public long peekBarTime() { return inner.peekBarTime(); }

    @Override
    public long nextEventTime() { return inner.nextEventTime(); }

    @Override
    public long position() { return inner.position(); }
}
