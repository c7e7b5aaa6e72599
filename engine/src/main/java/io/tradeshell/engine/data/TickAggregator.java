package io.tradeshell.engine.data;

import io.tradeshell.engine.model.Bar;
import io.tradeshell.engine.model.BarSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds bars from trades as they arrive, for batch loading and the live feed alike.
 *
 * <p>Bars are aligned to whole multiples of the period since the epoch (a 1-hour bar opens
 * on the hour, UTC). Open, high, low and close follow the trades in arrival order and the
 * volume is the exact sum of the amounts ({@link ExactSum}), rounded once. A bar completes when
 * a trade of a later period arrives; a period without trades produces no bar. A volume beyond
 * the largest double is refused, never made Infinity.
 */
public final class TickAggregator {
    private final String symbol;
    private final long periodMillis;
    private boolean open;
    private long barStart;
    /** Start of the last bar handed out, so a trade for a finished period is refused. */
    private long lastDone = Long.MIN_VALUE;
    private double o, h, l, c;
    private final ExactSum v = new ExactSum();

    public TickAggregator(String symbol, Duration period) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.periodMillis = period.toMillis();
        if (periodMillis <= 0) throw new IllegalArgumentException("bar period must be at least one millisecond, not " + period);
    }

    public String symbol() { return symbol; }
    public Duration period() { return Duration.ofMillis(periodMillis); }

    /**
     * Adds a trade and returns the bar it completed, if it belongs to a later period than
     * the bar being built.
     *
     * @throws IllegalArgumentException if the trade belongs to a period already completed
     *                                  or before the bar being built
     */
    public Optional<Bar> onTick(long time, double price, double amount) {
        long start = startOf(time);
        if (open && start != barStart) {
            Bar done = current();
            accept(start, time, price, amount);
            return Optional.of(done);
        }
        accept(start, time, price, amount);
        return Optional.empty();
    }

    /** Adds a trade, handing a bar it completed to {@code sink}; never allocates. */
    public void onTick(long time, double price, double amount, BarSink sink) {
        long start = startOf(time);
        if (open && start != barStart) {
            checkNotLate(start, time);
            sink.bar(barStart, o, h, l, c, volume());
        }
        accept(start, time, price, amount);
    }

    /** Ends the bar being built, partial or not, and returns it; empty when there is none. */
    public Optional<Bar> flush() {
        if (!open) return Optional.empty();
        Bar done = current();
        close();
        return Optional.of(done);
    }

    /** Ends the bar being built, if any, handing it to {@code sink}. */
    public void flush(BarSink sink) {
        if (!open) return;
        sink.bar(barStart, o, h, l, c, volume());
        close();
    }

    /** Drops the bar being built without handing it out (its period never ended in the data). */
    public void discard() {
        if (open) close();
    }

    /** Whether the bar being built has had a trade in the last millisecond of its period, so its period is over. */
    public boolean reachedEndOf(long lastTradeTime) {
        return open && lastTradeTime >= barStart + periodMillis - 1;
    }

    /** Open time of the bar being built; meaningful only while one is. */
    public long barStart() { return barStart; }

    /**
     * Aggregates {@code ticks} like {@link #aggregate}, but leaves out a last bar whose period
     * had not ended when the trades end: its prices and volume are only part of a bar. The
     * left-out bar's open time is handed to {@code dropped}.
     */
    public static BarSeries aggregateClosedBars(TickSeries ticks, Duration period, java.util.function.LongConsumer dropped) {
        BarSeries bars = new BarSeries(ticks.symbol(), period, ticks.priceScale(), 16);
        TickAggregator aggregator = new TickAggregator(ticks.symbol(), period);
        BarSink sink = bars::append;
        for (int i = 0, n = ticks.size(); i < n; i++) {
            aggregator.onTick(ticks.time(i), ticks.price(i), ticks.amount(i), sink);
        }
        if (ticks.isEmpty() || aggregator.reachedEndOf(ticks.time(ticks.size() - 1))) {
            aggregator.flush(sink);
        } else if (aggregator.open) {
            dropped.accept(aggregator.barStart);
            aggregator.discard();
        }
        return bars;
    }

    /** Aggregates all of {@code ticks} into a new series of bars of {@code period}. */
    public static BarSeries aggregate(TickSeries ticks, Duration period) {
        BarSeries bars = new BarSeries(ticks.symbol(), period, ticks.priceScale(), 16);
        TickAggregator aggregator = new TickAggregator(ticks.symbol(), period);
        BarSink sink = bars::append;
        for (int i = 0, n = ticks.size(); i < n; i++) {
            aggregator.onTick(ticks.time(i), ticks.price(i), ticks.amount(i), sink);
        }
        aggregator.flush(sink);
        return bars;
    }

    private long startOf(long time) {
        return Math.floorDiv(time, periodMillis) * periodMillis;
    }

    private void accept(long start, long time, double price, double amount) {
        if (open && start == barStart) {
            if (price > h) h = price;
            if (price < l) l = price;
            c = price;
            v.add(amount);
            return;
        }
        checkNotLate(start, time);
        if (open) lastDone = barStart;
        open = true;
        barStart = start;
        o = h = l = c = price;
        v.reset();
        v.add(amount);
    }

    private void checkNotLate(long start, long time) {
        if (start <= lastDone || (open && start < barStart)) {
            long since = open ? barStart : lastDone;
            throw new IllegalArgumentException(symbol + ": trade at " + Instant.ofEpochMilli(time)
                    + " is late: the bar from " + Instant.ofEpochMilli(since) + " has already started");
        }
    }

    private void close() {
        lastDone = barStart;
        open = false;
    }

    private Bar current() {
        return new Bar(symbol, barStart, periodMillis, o, h, l, c, volume());
    }

    private double volume() {
        double volume = v.value();
        if (Double.isInfinite(volume)) {
            throw new IllegalArgumentException(symbol + ": the volume of the bar from " + Instant.ofEpochMilli(barStart)
                    + " is beyond the largest number (" + Double.MAX_VALUE + ")");
        }
        return volume;
    }
}
