package io.tradeshell.engine.run;

import io.tradeshell.engine.data.BarSink;
import io.tradeshell.engine.data.TickAggregator;
import io.tradeshell.engine.data.TickSeries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays recorded trades of one or more symbols in time order (ties go to the lower slot),
 * and closes each symbol's bar when feed time reaches the bar's end, as a live clock would:
 * a bar is delivered before the first trade at or after its close, of any symbol. The bars
 * are the ones {@link TickAggregator#aggregate} builds from the same trades; a period without
 * trades makes no bar. When the trades run out, a bar whose period has not ended is left out,
 * as {@link TickAggregator#aggregateClosedBars} leaves it out: only part of it happened.
 *
 * <p>Each trade and each bar is one event of {@link #position()}.
 */
public final class TickReplayFeed implements Feed, TradingLoop.TickAware {
    private final TickSeries[] ticks;
    private final TickAggregator[] aggregators;
    private final int[] cursor;
    /** Open time of each symbol's bar being built, or Long.MIN_VALUE when none is open. */
    private final long[] openBar;
    private final long periodMillis;
    private final List<String> symbols = new ArrayList<>();
    private final BarRelay relay = new BarRelay();
    /** A trade never completes a bar here: bars are closed by feed time before later trades. */
    private static final BarSink BARS_ALREADY_CLOSED = (t, o, h, l, c, v) -> {
        throw new IllegalStateException("a bar was completed by a trade instead of by the clock");
    };
    private long delivered;

    public TickReplayFeed(List<TickSeries> series, Duration period) {
        if (series.isEmpty()) throw new IllegalArgumentException("a tick feed needs at least one symbol");
        this.ticks = series.toArray(new TickSeries[0]);
        this.periodMillis = period.toMillis();
        this.aggregators = new TickAggregator[ticks.length];
        this.cursor = new int[ticks.length];
        this.openBar = new long[ticks.length];
        for (int k = 0; k < ticks.length; k++) {
            aggregators[k] = new TickAggregator(ticks[k].symbol(), period);
            openBar[k] = Long.MIN_VALUE;
            symbols.add(ticks[k].symbol());
        }
    }

    @Override
    public boolean deliversTicks() { return true; }

    @Override
    public List<String> symbols() { return symbols; }

    @Override
    public long periodMillis(int slot) { return periodMillis; }

    @Override
    public int priceScale(int slot) { return ticks[slot].priceScale(); }

    @Override
    public boolean next(FeedSink sink) {
        int bar = nextBarSlot();
        int tick = nextTickSlot();
        if (bar >= 0 && tick < 0 && unfinished(bar)) {
            openBar[bar] = Long.MIN_VALUE;
            aggregators[bar].discard();
            return next(sink);
        }
        if (bar >= 0 && (tick < 0 || openBar[bar] + periodMillis <= ticks[tick].time(cursor[tick]))) {
            relay.sink = sink;
            relay.slot = bar;
            openBar[bar] = Long.MIN_VALUE;
            delivered++;
            aggregators[bar].flush(relay);
            return true;
        }
        if (tick < 0) return false;
        int i = cursor[tick]++;
        long time = ticks[tick].time(i);
        double price = ticks[tick].price(i), amount = ticks[tick].amount(i);
        if (openBar[tick] == Long.MIN_VALUE) openBar[tick] = Math.floorDiv(time, periodMillis) * periodMillis;
        aggregators[tick].onTick(time, price, amount, BARS_ALREADY_CLOSED);
        delivered++;
        sink.onTick(tick, time, price, amount);
        return true;
    }

    /** Whether the symbol's open bar is one the trades ended inside of, which is left out. */
    private boolean unfinished(int slot) {
        return !aggregators[slot].reachedEndOf(ticks[slot].time(ticks[slot].size() - 1));
    }

    /** The symbol whose open bar closes first, or -1. */
    private int nextBarSlot() {
        int best = -1;
        for (int k = 0; k < openBar.length; k++) {
            if (openBar[k] != Long.MIN_VALUE && (best < 0 || openBar[k] < openBar[best])) best = k;
        }
        return best;
    }

    /** The symbol with the earliest next trade, or -1 when every trade is delivered. */
    private int nextTickSlot() {
        int best = -1;
        long bestTime = Long.MAX_VALUE;
        for (int k = 0; k < ticks.length; k++) {
            if (cursor[k] < ticks[k].size()) {
                long t = ticks[k].time(cursor[k]);
                if (t < bestTime) {
                    bestTime = t;
                    best = k;
                }
            }
        }
        return best;
    }

    @Override
    public long peekBarTime() {
        int bar = nextBarSlot();
        if (bar < 0) return Long.MAX_VALUE;
        int tick = nextTickSlot();
        if (tick < 0) {
            // the trades are done: only bars whose period ended will still come
            long first = Long.MAX_VALUE;
            for (int k = 0; k < openBar.length; k++) {
                if (openBar[k] != Long.MIN_VALUE && !unfinished(k)) first = Math.min(first, openBar[k] + periodMillis);
            }
            return first;
        }
        boolean barFirst = tick < 0 || openBar[bar] + periodMillis <= ticks[tick].time(cursor[tick]);
        return barFirst ? openBar[bar] + periodMillis : Long.MAX_VALUE;
    }

    @Override
    public long nextEventTime() {
        int bar = nextBarSlot();
        int tick = nextTickSlot();
        long barClose = bar < 0 ? Long.MAX_VALUE : openBar[bar] + periodMillis;
        long tickTime = tick < 0 ? Long.MAX_VALUE : ticks[tick].time(cursor[tick]);
        return Math.min(barClose, tickTime);
    }

    @Override
    public long position() { return delivered; }

    /** Hands a bar finished by an aggregator to the feed's sink without allocating. */
    private static final class BarRelay implements BarSink {
        FeedSink sink;
        int slot;

        @Override
        public void bar(long openTime, double open, double high, double low, double close, double volume) {
            sink.onBar(slot, openTime, open, high, low, close, volume);
        }
    }
}
