package io.tradeshell.engine.indicators.oscillators;

import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.SmaIndicator;
import io.tradeshell.engine.model.BarSeries;

/**
 * Commodity channel index, as ta4j's {@code CCIIndicator}: {@code (typical - SMA) / (0.015 * mean deviation)}
 * over {@code barCount} bars of the typical price; 0 when every typical price of the window is the same.
 *
 * <p>That zero is tested on the prices themselves rather than on a computed deviation, so a flat
 * stretch gives exactly ta4j's decimal 0 and never a quotient of two rounding errors.
 */
public final class Cci extends Indicator {
    private final int barCount;
    private final TypicalPrice typical;
    private final SmaIndicator mean;

    public Cci(BarSeries series, int barCount) {
        super(series);
        if (barCount < 1) throw new IllegalArgumentException("CCI bar count must be at least 1, was " + barCount);
        this.barCount = barCount;
        this.typical = new TypicalPrice(series);
        this.mean = new SmaIndicator(typical, barCount);
    }

    @Override
    protected double calculate(int i) {
        int start = Math.max(0, i - barCount + 1);
        double average = mean.value(i), now = typical.value(i);
        double deviations = 0;
        boolean flat = true;
        for (int k = start; k <= i; k++) {
            double x = typical.value(k);
            flat &= x == now;
            deviations += Math.abs(x - average);
        }
        if (flat) return 0;
        return (now - average) / (deviations / (i - start + 1) * 0.015);
    }

    @Override
    public int unstableBars() {
        return barCount - 1;
    }

    @Override
    public String toString() {
        return "CCI(" + barCount + ")";
    }
}
