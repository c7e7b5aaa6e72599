package io.tradeshell.engine.indicators;

import io.tradeshell.engine.model.BarSeries;
import java.util.Arrays;

/**
 * A numeric series derived from the bars of one {@link BarSeries}, computed once per bar
 * and cached in a primitive array.
 *
 * <p>Values are pulled: {@link #value(int)} computes every missing index up to the one asked
 * for, in order, so subclasses may read their own earlier values and their inputs' values at
 * the same or earlier indexes. Asking for an index the series does not have yet fails, which
 * is what makes reading the future impossible rather than merely discouraged.
 *
 * <p>{@link #unstableBars()} follows ta4j: the number of leading bars whose values are not yet
 * trustworthy (a 30-bar SMA is unstable for its first 29 bars). Values during warm-up are what
 * ta4j 0.22 returns there: computed from the bars available for window statistics such as SMA,
 * standard deviation or highest, NaN for recursive ones such as EMA, RSI, ATR or MACD. Any
 * comparison with NaN is false, so rules stay quiet until their indicators have values.
 */
public abstract class Indicator {
    protected final BarSeries series;
    private double[] values;
    private int computed;
    /** Whether {@link #values} were computed ahead (over a longer series with the same bars) and are only read here. */
    private final boolean known;

    protected Indicator(BarSeries series) {
        this.series = series;
        this.values = new double[64];
        this.known = false;
    }

    /**
     * An indicator whose values at every bar of {@code series}-to-be were computed ahead: they
     * are read, not copied, and still only at bars of {@code series} that have closed.
     * {@link #calculate} is not called.
     */
    protected Indicator(BarSeries series, double[] known) {
        this.series = series;
        this.values = known;
        this.known = true;
    }

    /** The value at bar {@code index}; the bar must have closed. */
    public final double value(int index) {
        if (index < computed) return values[index];
        if (index > computed && pointwise()) return calculateAlone(index);
        return computeUpTo(index);
    }

    /**
     * Whether {@link #calculate} reads only its inputs (at any index up to the one asked for),
     * never this indicator's own earlier values: then a value read far ahead of those computed so
     * far is calculated alone, not after every one between. A portfolio section reading a rate
     * of change once a month then computes twelve values a year, not one per bar.
     */
    protected boolean pointwise() {
        return false;
    }

    /** A pointwise value ahead of the cached ones, not cached (the bars before it may never be asked for). */
    private double calculateAlone(int index) {
        if (index >= series.size()) {
            throw new IndexOutOfBoundsException("bar " + index + " of " + series.symbol()
                    + " has not closed yet (" + series.size() + " bars so far)");
        }
        return calculate(index);
    }

    private double computeUpTo(int index) {
        if (index >= series.size() || index < 0) {
            throw new IndexOutOfBoundsException("bar " + index + " of " + series.symbol()
                    + " has not closed yet (" + series.size() + " bars so far)");
        }
        if (known) {
            if (index >= values.length) throw new IndexOutOfBoundsException("bar " + index + " is past the " + values.length + " computed ahead");
            computed = index + 1;
            return values[index];
        }
        if (index >= values.length) values = Arrays.copyOf(values, Math.max(values.length * 2, index + 1));
        if (index - computed >= BULK) {
            calculateInto(values, computed, index + 1);
            computed = index + 1;
        }
        for (int i = computed; i <= index; i++) {
            values[i] = calculate(i);
            computed = i + 1;
        }
        return values[index];
    }

    /** How many values in a row are worth {@link #calculateInto}'s one call rather than a call per bar. */
    private static final int BULK = 64;

    /**
     * Computes {@code values[from..to)} in order, each as {@link #calculate} would (the same
     * arithmetic in the same order, so the same bits): for an indicator that reads only its
     * inputs, one call for a long run of bars (a sweep's shared indicator over the whole series)
     * instead of one per bar. Whoever overrides it must not read this indicator's own values.
     */
    protected void calculateInto(double[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            values[i] = calculate(i);
            computed = i + 1;
        }
    }

    /**
     * The values at every bar of the series, computed in order into one array of exactly its
     * size (not grown bar by bar): for whoever keeps them all, such as a sweep's shared indicators.
     * The array is this indicator's own cache, so it must not be changed.
     */
    final double[] all() {
        int n = series.size();
        if (n == 0) return new double[0];
        if (!known && values.length != n && computed <= n) values = Arrays.copyOf(values, n);
        computeUpTo(n - 1);
        return values.length == n ? values : Arrays.copyOf(values, n);
    }

    /** The value at the newest closed bar. */
    public final double last() {
        return value(series.lastIndex());
    }

    /** Computes the value at {@code index}; every earlier index is already computed, unless the indicator is {@link #pointwise()}. */
    protected abstract double calculate(int index);

    /** Leading bars whose values are still warming up. */
    public abstract int unstableBars();

    public final BarSeries series() {
        return series;
    }

    /** How many values can be read now: one per closed bar. */
    public final int size() {
        return series.size();
    }

    /** A short name with parameters, such as {@code SMA(close, 10)}. */
    @Override
    public abstract String toString();
}
