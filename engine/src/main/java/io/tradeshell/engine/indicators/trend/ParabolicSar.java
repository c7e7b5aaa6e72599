package io.tradeshell.engine.indicators.trend;

import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.model.BarSeries;

/**
 * Parabolic SAR, as ta4j's {@code ParabolicSarIndicator}: NaN on the first bar; on the second the
 * trend is up if the close rose, and the SAR starts at the first bar's low (or high). Then each bar
 * {@code sar += af * (extreme - sar)}; a new extreme raises the acceleration factor by
 * {@code increment} up to {@code max}; a bar crossing the SAR reverses the trend, the SAR jumping to
 * the old extreme; and the SAR never enters the range of the two bars before.
 *
 * <p>The trend, extreme and factor of the previous bar are kept in fields: {@link Indicator}
 * computes bars once each, in order.
 */
public final class ParabolicSar extends Indicator {
    private final double start;
    private final double max;
    private final double increment;
    private boolean up;
    private double extreme;
    private double af;

    public ParabolicSar(BarSeries series, double start, double max, double increment) {
        super(series);
        this.start = start;
        this.max = max;
        this.increment = increment;
    }

    public ParabolicSar(BarSeries series) {
        this(series, 0.02, 0.2, 0.02);
    }

    @Override
    protected double calculate(int i) {
        if (i == 0) return Double.NaN;
        if (i == 1) {
            up = series.close(0) < series.close(1);
            af = start;
            extreme = up ? series.high(0) : series.low(0);
            return up ? series.low(0) : series.high(0);
        }
        double prior = value(i - 1);
        double sar = prior + af * (extreme - prior);
        double high = series.high(i), low = series.low(i);
        if (up) {
            if (low < sar) {
                sar = extreme;
                af = start;
                extreme = low;
                up = false;
            } else if (high > extreme) {
                extreme = high;
                af = Math.min(af + increment, max);
            }
        } else {
            if (high >= sar) {
                sar = extreme;
                af = start;
                extreme = high;
                up = true;
            } else if (low < extreme) {
                extreme = low;
                af = Math.min(af + increment, max);
            }
        }
        if (up) return Math.min(sar, Math.min(series.low(i - 1), series.low(i - 2)));
        return Math.max(sar, Math.max(series.high(i - 1), series.high(i - 2)));
    }

    @Override
    public int unstableBars() {
        return 1;
    }

    @Override
    public String toString() {
        return "PSAR(" + start + ", " + max + ", " + increment + ")";
    }
}
