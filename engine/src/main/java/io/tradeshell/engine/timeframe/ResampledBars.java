package io.tradeshell.engine.timeframe;

import io.tradeshell.engine.model.BarSeries;
import java.time.Duration;
import java.util.Arrays;

/**
 * The bars of a higher timeframe, built from a growing base series as far as it has closed.
 * A higher-timeframe bar is added only once its period is over: for a calendar period, when a
 * base bar closes at or after the period's end (on data that trades around the clock, the
 * period's last bar), or else when the first base bar of a later period closes; for a count,
 * at its last bar. The period in progress is never part of the series, so nothing built on it
 * can see a bar that has not finished. Each bar remembers the base bar close that completed it,
 * which is when it became known.
 */
public final class ResampledBars implements TimeframeBars {
    private final BarSeries base;
    private final Timeframe frame;
    private final BarSeries bars;
    private long[] knownAt = new long[64];
    private int read;             // base bars taken in so far
    // the period being built
    private boolean building;
    private long start, end;
    private int count;
    private double open, high, low, close, volume;

    public ResampledBars(BarSeries base, Timeframe frame) {
        this.base = base;
        this.frame = frame;
        Duration period = switch (frame) {
            case Timeframe.Calendar c -> c.nominal();
            case Timeframe.BarCount b -> Duration.ofMillis(base.periodMillis() * b.bars());
        };
        this.bars = new BarSeries(base.symbol(), period, base.priceScale(), 64);
    }

    /** The completed higher-timeframe bars; it grows as base bars are taken in. */
    @Override
    public BarSeries bars() {
        return bars;
    }

    public Timeframe timeframe() {
        return frame;
    }

    /** Takes in the base bars closed by {@code time}; the base series holds only closed bars. */
    @Override
    public void catchUp(long time) {
        while (read < base.size() && base.closeTime(read) <= time) take(read++);
    }

    @Override
    public int size() {
        return bars.size();
    }

    @Override
    public long knownAt(int j) {
        if (j < 0 || j >= bars.size()) throw new IndexOutOfBoundsException("higher-timeframe bar " + j + " is not complete");
        return knownAt[j];
    }

    private void take(int i) {
        long t = base.openTime(i), closeTime = base.closeTime(i);
        if (frame instanceof Timeframe.Calendar c) {
            long s = c.startOf(t);
            if (building && s != start) complete(closeTime); // a bar of a later period: the last one is over
            if (!building) begin(i, s, c.endOf(s));
            add(i);
            if (closeTime >= end) complete(closeTime);
        } else {
            int n = ((Timeframe.BarCount) frame).bars();
            if (!building) begin(i, t, Long.MAX_VALUE);
            add(i);
            if (count == n) complete(closeTime);
        }
    }

    private void begin(int i, long periodStart, long periodEnd) {
        building = true;
        start = periodStart;
        end = periodEnd;
        count = 0;
        open = base.open(i);
        high = Double.NEGATIVE_INFINITY;
        low = Double.POSITIVE_INFINITY;
        volume = 0;
    }

    private void add(int i) {
        high = Math.max(high, base.high(i));
        low = Math.min(low, base.low(i));
        close = base.close(i);
        volume += base.volume(i);
        count++;
    }

    private void complete(long at) {
        if (bars.size() == knownAt.length) knownAt = Arrays.copyOf(knownAt, knownAt.length * 2);
        knownAt[bars.size()] = at;
        bars.append(start, open, high, low, close, volume);
        building = false;
    }
}
