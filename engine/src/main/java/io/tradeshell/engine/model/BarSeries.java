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
    /** Whether the columns are another series' (see {@link #revealing}): copied out before anything else is appended. */
    private boolean shared;
    /** While shared, how many bars can be shown (the source's bars), read without touching the columns; 0 otherwise. */
    private int revealLimit;

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

    /**
     * A series whose columns are the first {@code size} entries of the arrays given, taken as
     * they are rather than copied: a file's reader hands over what it collected, and a
     * million-bar load keeps one copy of its bars instead of two. The caller must not touch the
     * arrays afterwards. Times must increase, as for {@link #append}.
     */
    public static BarSeries adopting(String symbol, Duration period, int priceScale, int size,
                                     long[] time, double[] open, double[] high, double[] low, double[] close, double[] volume) {
        for (double[] column : new double[][] {open, high, low, close, volume}) {
            if (column.length < size || time.length < size) throw new IllegalArgumentException(symbol + ": columns shorter than " + size + " bars");
        }
        for (int i = 1; i < size; i++) {
            if (time[i] <= time[i - 1]) {
                throw new IllegalArgumentException(symbol + ": bar time " + Instant.ofEpochMilli(time[i])
                        + " is not after " + Instant.ofEpochMilli(time[i - 1]));
            }
        }
        BarSeries s = new BarSeries(symbol, period, priceScale, 0);
        s.time = time;
        s.open = open;
        s.high = high;
        s.low = low;
        s.close = close;
        s.volume = volume;
        s.size = size;
        return s;
    }

    /** An empty series that receives the bars of {@code template} one at a time. */
    public static BarSeries emptyLike(BarSeries template) {
        return new BarSeries(template.symbol, template.period(), template.priceScale, template.size);
    }

    /**
     * An empty series that shows the bars of {@code source} one at a time as they are appended,
     * reading {@code source}'s columns instead of copying them: replaying a large universe then
     * costs no second copy of its bars. Only the bars appended so far can be read (every read is
     * checked against the size), so nothing of the future shows; appending anything but
     * {@code source}'s next bar copies the shown bars out first.
     */
    public static BarSeries revealing(BarSeries source) {
        BarSeries s = new BarSeries(source.symbol, source.period(), source.priceScale, 0);
        if (source.size == 0) return s;
        s.time = source.time;
        s.open = source.open;
        s.high = source.high;
        s.low = source.low;
        s.close = source.close;
        s.volume = source.volume;
        s.shared = true;
        s.revealLimit = source.size; // not the columns' length: room past the last bar holds no bar
        return s;
    }

    /** Appends a bar opening at {@code openTime} (epoch millis). Times must increase. */
    public void append(long openTime, double o, double h, double l, double c, double v) {
        if (shared) detach();
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

    /**
     * Shows {@code source}'s next bar, for the one who replays {@code source} bar by bar and so
     * knows that the next bar is the one that just closed; false, showing nothing, when this
     * series does not share another's columns (then {@link #append} it).
     */
    public boolean reveal() {
        if (size >= revealLimit) return false;
        size++;
        return true;
    }

    /** Stops sharing: the bars shown so far become this series' own. */
    private void detach() {
        shared = false;
        revealLimit = 0;
        resize(Math.max(16, size * 2));
    }

    private void grow() {
        resize(time.length * 2);
    }

    private void resize(int cap) {
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
