package io.tradeshell.engine.indicators.averages;

import io.tradeshell.engine.indicators.Indicator;

/**
 * Kaufman's adaptive moving average, as ta4j's {@code KAMAIndicator}: the input itself for the
 * first {@code erBars} bars, then {@code prior + sc * (price - prior)} with the smoothing constant
 * {@code sc = (er * (fastest - slowest) + slowest)^2}, where the efficiency ratio {@code er} is the
 * net move over {@code erBars} bars divided by the sum of the bar-to-bar moves. As in ta4j, a
 * window without any move has no ratio, and the average is NaN from then on.
 */
public final class KamaIndicator extends Indicator {
    private final Indicator input;
    private final int erBars;
    private final int fastBars;
    private final int slowBars;
    private final double fastest;
    private final double slowest;

    public KamaIndicator(Indicator input, int erBars, int fastBars, int slowBars) {
        super(input.series());
        if (erBars < 1 || fastBars < 1 || slowBars < 1) {
            throw new IllegalArgumentException("KAMA bar counts must be at least 1, were " + erBars + ", " + fastBars + ", " + slowBars);
        }
        this.input = input;
        this.erBars = erBars;
        this.fastBars = fastBars;
        this.slowBars = slowBars;
        this.fastest = 2.0 / (fastBars + 1);
        this.slowest = 2.0 / (slowBars + 1);
    }

    @Override
    protected double calculate(int i) {
        double price = input.value(i);
        if (i < erBars) return price;
        int start = i - erBars;
        double volatility = 0;
        for (int k = start; k < i; k++) volatility += Math.abs(input.value(k + 1) - input.value(k));
        double ratio = volatility == 0 ? Double.NaN : Math.abs(price - input.value(start)) / volatility;
        double sc = ratio * (fastest - slowest) + slowest;
        double prior = value(i - 1);
        return prior + sc * sc * (price - prior);
    }

    @Override
    public int unstableBars() {
        return input.unstableBars() + erBars;
    }

    @Override
    public String toString() {
        return "KAMA(" + input + ", " + erBars + ", " + fastBars + ", " + slowBars + ")";
    }
}
