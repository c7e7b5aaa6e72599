package io.tradeshell.report.chart;

/**
 * An equity curve and its buy-and-hold benchmark, one point per time (epoch millis).
 * {@code benchmark} may be null or all NaN when there is none.
 */
public record EquityChartInput(long[] time, double[] equity, double[] benchmark) {
    public EquityChartInput {
        if (time == null || equity == null) throw new IllegalArgumentException("equity chart needs times and equity");
        if (equity.length != time.length) {
            throw new IllegalArgumentException(time.length + " times but " + equity.length + " equity values");
        }
        if (benchmark != null && benchmark.length != time.length) {
            throw new IllegalArgumentException(time.length + " times but " + benchmark.length + " benchmark values");
        }
    }

    /** Whether a benchmark with at least one value is present. */
    public boolean hasBenchmark() {
        if (benchmark == null) return false;
        for (double b : benchmark) if (!Double.isNaN(b)) return true;
        return false;
    }
}
