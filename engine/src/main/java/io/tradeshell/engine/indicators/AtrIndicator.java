package io.tradeshell.engine.indicators;

import io.tradeshell.engine.model.BarSeries;

/**
 * Average true range, as ta4j's {@code ATRIndicator}: the true range (the largest of high - low,
 * |high - previous close| and |previous close - low|; high - low on the first bar) smoothed with
 * Wilder's average ({@link MmaIndicator}). NaN for the first {@code barCount} bars, then seeded
 * with that bar's true range.
 */
public final class AtrIndicator extends Indicator {
    private final int barCount;
    private final double multiplier;
    private double average = Double.NaN;

    public AtrIndicator(BarSeries series, int barCount) {
        super(series);
        if (barCount < 1) throw new IllegalArgumentException("ATR bar count must be at least 1, was " + barCount);
        this.barCount = barCount;
        this.multiplier = 1.0 / barCount;
    }

    /** The true range of bar {@code i}. */
    static double trueRange(BarSeries s, int i) {
        double high = s.high(i), low = s.low(i);
        double range = Math.abs(high - low);
        if (i == 0) return range;
        double prevClose = s.close(i - 1);
        return Math.max(range, Math.max(Math.abs(high - prevClose), Math.abs(prevClose - low)));
    }

    @Override
    protected double calculate(int i) {
        if (i < barCount) return Double.NaN;
        double range = trueRange(series, i);
        if (Double.isNaN(range)) average = Double.NaN;
        else average = Double.isNaN(average) ? range : average + (range - average) * multiplier;
        return average;
    }

    @Override
    public int unstableBars() {
        return barCount;
    }

    @Override
    public String toString() {
        return "ATR(" + barCount + ")";
    }
}
