package io.tradeshell.report.chart;

import java.util.Arrays;

/**
 * Thins a long series for drawing: the points are cut into equal buckets (about one per
 * pixel column) and each bucket keeps only its lowest and highest point, in time order.
 * Peaks, troughs and the deepest drawdown survive exactly, so the thinned line looks the
 * same as the full one at that width while drawing thousands of points instead of millions.
 */
public final class MinMaxDecimation {
    private MinMaxDecimation() {}

    /**
     * The min and max point of each of {@code buckets} index buckets, plus the very first and
     * last point; a bucket with only NaN values yields one NaN point so the line shows a gap.
     * Series of at most {@code 2 * buckets} points are returned unchanged.
     */
    public static Points decimate(long[] time, double[] values, int buckets) {
        if (time.length != values.length) {
            throw new IllegalArgumentException(time.length + " times but " + values.length + " values");
        }
        if (buckets < 1) throw new IllegalArgumentException("buckets must be positive: " + buckets);
        int n = values.length;
        if (n <= 2 * buckets) return new Points(time, values);

        long[] outTime = new long[2 * buckets + 2];
        double[] outValue = new double[2 * buckets + 2];
        int k = 0;
        int lastEmitted = -1;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            int minI = -1, maxI = -1;
            for (int i = from; i < to; i++) {
                double v = values[i];
                if (Double.isNaN(v)) continue;
                if (minI < 0 || v < values[minI]) minI = i;
                if (maxI < 0 || v > values[maxI]) maxI = i;
            }
            if (b == 0 && minI != 0 && maxI != 0) {
                // keep the starting point so the curve begins where the run began
                outTime[k] = time[0];
                outValue[k++] = values[0];
                lastEmitted = 0;
            }
            if (minI < 0) {
                outTime[k] = time[from];
                outValue[k++] = Double.NaN;
                lastEmitted = from;
                continue;
            }
            int first = Math.min(minI, maxI), second = Math.max(minI, maxI);
            if (first != lastEmitted) {
                outTime[k] = time[first];
                outValue[k++] = values[first];
            }
            if (second != first) {
                outTime[k] = time[second];
                outValue[k++] = values[second];
            }
            lastEmitted = second;
        }
        if (lastEmitted != n - 1 && !Double.isNaN(values[n - 1])) {
            outTime[k] = time[n - 1];
            outValue[k++] = values[n - 1];
        }
        return new Points(Arrays.copyOf(outTime, k), Arrays.copyOf(outValue, k));
    }
}
