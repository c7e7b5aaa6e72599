package io.tradeshell.engine.metrics;

import java.util.Objects;

/**
 * Account value bar by bar over a run, with how much of it was in the market.
 *
 * <p>The arrays are taken as they are, not copied (a long backtest hands over millions of
 * bars), so the run that builds them must not change them afterwards.
 *
 * @param time     bar open time in epoch millis, one per bar
 * @param equity   cash plus marked-to-market positions at the bar
 * @param exposure gross position value divided by equity at the bar; 0 when flat
 */
public record EquityCurve(long[] time, double[] equity, double[] exposure) {

    public EquityCurve {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(exposure, "exposure");
        if (equity.length != time.length || exposure.length != time.length) {
            throw new IllegalArgumentException("equity curve columns differ in length: time " + time.length
                    + ", equity " + equity.length + ", exposure " + exposure.length);
        }
    }

    /** Number of bars. */
    public int size() {
        return time.length;
    }

    /**
     * Bar returns {@code equity[t] / equity[t-1] - 1} for every bar, the bar before the first
     * being the starting cash, exactly as {@link MetricsCalculator} defines them.
     */
    public double[] returns(double initialCash) {
        return returns(equity, initialCash);
    }

    /** {@link #returns(double)} of an equity column that is not (yet) a curve. */
    public static double[] returns(double[] equity, double initialCash) {
        double[] r = new double[equity.length];
        double previous = initialCash;
        for (int t = 0; t < equity.length; t++) {
            r[t] = equity[t] / previous - 1;
            previous = equity[t];
        }
        return r;
    }

    @Override
    public String toString() {
        return "EquityCurve[" + time.length + " bars]";
    }
}
