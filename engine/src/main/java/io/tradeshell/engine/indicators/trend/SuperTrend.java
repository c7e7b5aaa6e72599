package io.tradeshell.engine.indicators.trend;

import io.tradeshell.engine.indicators.AtrIndicator;
import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.model.BarSeries;

/**
 * SuperTrend, as ta4j's {@code SuperTrendIndicator}: bands at the median price plus and minus
 * {@code multiplier} ATRs that only tighten while the close stays inside them; the line follows
 * the lower band in an up trend and the upper band in a down trend, switching when the close
 * crosses the band it follows. NaN while the ATR warms up.
 */
public final class SuperTrend extends Indicator {
    private final int barCount;
    private final double multiplier;
    private final AtrIndicator atr;
    private double upper = Double.NaN;
    private double lower = Double.NaN;

    public SuperTrend(BarSeries series, int barCount, double multiplier) {
        super(series);
        this.barCount = barCount;
        this.multiplier = multiplier;
        this.atr = new AtrIndicator(series, barCount);
    }

    @Override
    protected double calculate(int i) {
        double median = (series.high(i) + series.low(i)) / 2;
        double width = multiplier * atr.value(i);
        double previousUpper = upper, previousLower = lower;
        upper = band(i, median + width, previousUpper, true);
        lower = band(i, median - width, previousLower, false);
        if (Double.isNaN(upper) || Double.isNaN(lower)) return Double.NaN;
        if (i == 0) return lower;
        double previous = value(i - 1);
        if (Double.isNaN(previous)) return lower;
        double close = series.close(i);
        // ta4j tells the trend by which band the previous value equals, the upper band first.
        if (!Double.isNaN(previousUpper) && previous == previousUpper) return close <= upper ? upper : lower;
        if (!Double.isNaN(previousLower) && previous == previousLower) return close >= lower ? lower : upper;
        return lower;
    }

    /** ta4j's {@code SuperTrendUpperBandIndicator} / {@code SuperTrendLowerBandIndicator} at bar {@code i}. */
    private double band(int i, double basic, double previous, boolean isUpper) {
        if (Double.isNaN(basic) || i == 0 || Double.isNaN(previous)) return basic;
        double previousClose = series.close(i - 1);
        if (isUpper) return basic < previous || previousClose > previous ? basic : previous;
        return basic > previous || previousClose < previous ? basic : previous;
    }

    @Override
    public int unstableBars() {
        return atr.unstableBars();
    }

    @Override
    public String toString() {
        return "SuperTrend(" + barCount + ", " + multiplier + ")";
    }
}
