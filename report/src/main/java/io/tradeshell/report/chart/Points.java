package io.tradeshell.report.chart;

/** A series of (time in epoch millis, value) points in time order; NaN values are gaps. */
public record Points(long[] time, double[] values) {
    public Points {
        if (time.length != values.length) {
            throw new IllegalArgumentException(time.length + " times but " + values.length + " values");
        }
    }

    public int size() { return time.length; }
}
