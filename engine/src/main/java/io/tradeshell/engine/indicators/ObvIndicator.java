package io.tradeshell.engine.indicators;

import io.tradeshell.engine.model.BarSeries;

/**
 * On-balance volume, as ta4j's {@code OnBalanceVolumeIndicator}: starts at 0 and adds the bar's
 * volume when the close rises, subtracts it when the close falls, keeps it when unchanged.
 *
 * <p>The running total is compensated (Neumaier) so fractional volumes do not accumulate
 * rounding error over millions of bars; whole-number volumes are exact either way.
 */
public final class ObvIndicator extends Indicator {
    private double total;
    private double compensation;

    public ObvIndicator(BarSeries series) {
        super(series);
    }

    @Override
    protected double calculate(int i) {
        if (i == 0) return 0;
        double before = series.close(i - 1), now = series.close(i);
        if (before > now) add(-series.volume(i));
        else if (before < now) add(series.volume(i));
        return total + compensation;
    }

    private void add(double x) {
        double t = total + x;
        compensation += Math.abs(total) >= Math.abs(x) ? (total - t) + x : (x - t) + total;
        total = t;
    }

    @Override
    public int unstableBars() {
        return 0;
    }

    @Override
    public String toString() {
        return "OBV";
    }
}
