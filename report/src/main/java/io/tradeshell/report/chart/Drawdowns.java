package io.tradeshell.report.chart;

/** Drawdown arithmetic for the underwater chart. */
public final class Drawdowns {
    private Drawdowns() {}

    /**
     * For each point, how far equity sits below its running peak, in percent: 0 at a new high,
     * -25 when a quarter of the peak is lost. Never positive. NaN equity gives NaN and leaves
     * the peak alone; so does a point before the first positive peak.
     */
    public static double[] percentFromPeak(double[] equity) {
        double[] out = new double[equity.length];
        double peak = Double.NaN;
        for (int i = 0; i < equity.length; i++) {
            double e = equity[i];
            if (Double.isNaN(e)) {
                out[i] = Double.NaN;
                continue;
            }
            if (Double.isNaN(peak) || e > peak) peak = e;
            out[i] = peak > 0 ? Math.min(0.0, (e / peak - 1.0) * 100.0) : Double.NaN;
        }
        return out;
    }

    /** The deepest value of a drawdown series (most negative), 0 if it never dips, ignoring NaN. */
    public static double deepest(double[] drawdownPercent) {
        double min = 0;
        for (double d : drawdownPercent) if (d < min) min = d;
        return min;
    }
}
