package io.tradeshell.report.chart;

/** One equity curve with the name it is shown under when runs are compared. */
public record NamedCurve(String name, long[] time, double[] equity) {
    public NamedCurve {
        if (name == null || time == null || equity == null || time.length != equity.length) {
            throw new IllegalArgumentException("curve needs a name and as many equity values as times");
        }
    }
}
