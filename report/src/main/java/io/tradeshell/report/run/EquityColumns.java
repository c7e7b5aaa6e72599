package io.tradeshell.report.run;

/**
 * The equity.jsonl of a run, column by column: one entry per bar time (epoch millis).
 * Columns a line did not carry hold NaN.
 */
public record EquityColumns(long[] time, double[] equity, double[] cash, double[] exposure, double[] benchmark) {
    public EquityColumns {
        int n = time.length;
        if (equity.length != n || cash.length != n || exposure.length != n || benchmark.length != n) {
            throw new IllegalArgumentException("equity columns differ in length");
        }
    }

    public int size() { return time.length; }

    public boolean isEmpty() { return time.length == 0; }
}
