package io.tradeshell.engine.run;

import java.util.List;

/**
 * Where market events come from: history replayed as fast as possible, or paced on a clock,
 * as bars or as ticks aggregated into bars. The event loop is the same for all of them.
 */
public interface Feed {
    /** The symbols, in slot order; each symbol's bar period is in {@link #periodMillis(int)}. */
    List<String> symbols();

    long periodMillis(int slot);

    /** Decimal digits of the symbol's prices, or -1 (see {@code BarSeries.priceScale}). */
    int priceScale(int slot);

    /** Delivers the next event to {@code sink}; false when the feed is exhausted. */
    boolean next(FeedSink sink);

    /**
     * The close time of the next bar event, or Long.MAX_VALUE if none is known yet. Bars are
     * delivered in close-time order, the moment each becomes known, so a daily bar arrives after
     * the hourly bars of its day.
     */
    long peekBarTime();

    /**
     * When the next event happens in feed time: a bar's close, a trade's time; Long.MAX_VALUE
     * when there is none. A live feed is paced by it; for a feed of bars it is the next bar's close.
     */
    default long nextEventTime() {
        return peekBarTime();
    }

    /** How far the feed has got, for resuming: events delivered so far. */
    long position();

    /** Skips the first {@code events} events without delivering them (resume after a crash). */
    default void skip(long events) {
        FeedSink ignore = new FeedSink() {
            public void onBar(int s, long t, double o, double h, double l, double c, double v) { }
            public void onTick(int s, long t, double p, double a) { }
        };
        for (long k = 0; k < events && next(ignore); k++) { }
    }
}
