package io.tradeshell.engine.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * The bars of one symbol, stored column by column in primitive arrays so the per-bar
 * hot path reads doubles without boxing. A series only grows: feeds append closed bars,
 * so a strategy holding it can never see a bar that has not closed yet.
 *
 * <p>{@code priceScale} is the number of decimal digits every price of the series has
 * (2 for cents). Indicators use it to sum prices exactly as scaled longs, so a moving
 * average computed at bar 1,000,000 is as exact as at bar 31. It is -1 when prices are
 * not all short decimals, and exact sums are not available.
 */
public final class BarSeries {
    private final String symbol;
    private final long periodMillis;
    private int priceScale;
    private long[] time;
    private double[] open, high, low, close, volume;
    private int size;

    public BarSeries(String symbol, Duration period, int priceScale, int capacity) {
        this.symbol = symbol;
        this.periodMillis = period.toMillis();
        this.priceScale = priceScale;
        int cap = Math.max(16, capacity);
        time = new long[cap];
        open = new double[cap];
        high = new double[cap];
        low = new double[cap];
        close = new double[cap];
        volume = new double[cap];
    }

    /** An empty series that receives the bars of {@code template} one at a time. */
    public static BarSeries emptyLike(BarSeries template) {
        return new BarSeries(template.symbol, template.period(), template.priceScale, template.size);
    }

    /** Appends a bar opening at {@code openTime} (epoch millis). Times must increase. */
    public void append(long openTime, double o, double h, double l, double c, double v) {
        if (size == time.length) grow();
        if (size > 0 && openTime <= time[size - 1]) {
            throw new IllegalArgumentException(symbol + ": bar time " + Instant.ofEpochMilli(openTime)
                    + " is not after " + Instant.ofEpochMilli(time[size - 1]));
        }
        time[size] = openTime;
        open[size] = o;
        high[size] = h;
        low[size] = l;
        close[size] = c;
        volume[size] = v;
        size++;
    }

    /** Copies bar {@code i} of {@code source} onto the end of this series. */
    public void appendFrom(BarSeries source, int i) {
        append(source.time[i], source.open[i], source.high[i], source.low[i], source.close[i], source.volume[i]);
    }

    private void grow() {
        int cap = time.length * 2;
        time = Arrays.copyOf(time, cap);
        open = Arrays.copyOf(open, cap);
        high = Arrays.copyOf(high, cap);
        low = Arrays.copyOf(low, cap);
        close = Arrays.copyOf(close, cap);
        volume = Arrays.copyOf(volume, cap);
    }

    public String symbol() { return symbol; }
    public Duration period() { return Duration.ofMillis(periodMillis); }
    public long periodMillis() { return periodMillis; }
    public int priceScale() { return priceScale; }
    public void priceScale(int scale) { this.priceScale = scale; }
    public int size() { return size; }
    public boolean isEmpty() { return size == 0; }
    public int lastIndex() { return size - 1; }

    public long openTime(int i) { return time[check(i)]; }
    /** The moment bar {@code i} closed and became known: its open time plus the period. */
    public long closeTime(int i) { return time[check(i)] + periodMillis; }
    public double open(int i) { return open[check(i)]; }
    public double high(int i) { return high[check(i)]; }
    public double low(int i) { return low[check(i)]; }
    public double close(int i) { return close[check(i)]; }
    public double volume(int i) { return volume[check(i)]; }

    public Bar bar(int i) {
        check(i);
        return new Bar(symbol, time[i], periodMillis, open[i], high[i], low[i], close[i], volume[i]);
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("bar " + i + " of " + symbol + " is not available (" + size + " bars so far)");
        }
        return i;
    }

    @Override
    public String toString() {
        if (size == 0) return symbol + " (no bars)";
        return symbol + " (" + size + " bars, " + Instant.ofEpochMilli(time[0]) + " .. " + Instant.ofEpochMilli(time[size - 1]) + ")";
    }
}
