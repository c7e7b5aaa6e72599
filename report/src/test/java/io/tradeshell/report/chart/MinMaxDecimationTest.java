package io.tradeshell.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MinMaxDecimationTest {

    @Test
    void everyBucketKeepsItsExactMinAndMax() {
        int n = 100_003, buckets = 700;
        long[] time = new long[n];
        double[] values = new double[n];
        Random r = new Random(42);
        double v = 1000;
        for (int i = 0; i < n; i++) {
            time[i] = 1_000_000L + i * 60_000L;
            v += r.nextGaussian();
            values[i] = v;
        }

        Points out = MinMaxDecimation.decimate(time, values, buckets);

        assertThat(out.size()).isLessThanOrEqualTo(2 * buckets + 2);
        for (int b = 0; b < buckets; b++) {
            // naive: scan the bucket's index range [n*b/buckets, n*(b+1)/buckets)
            int from = (int) ((long) n * b / buckets), to = (int) ((long) n * (b + 1) / buckets);
            int minAt = from, maxAt = from;
            for (int i = from; i < to; i++) {
                if (values[i] < values[minAt]) minAt = i;
                if (values[i] > values[maxAt]) maxAt = i;
            }
            assertThat(contains(out, time[minAt], values[minAt])).as("min of bucket %d", b).isTrue();
            assertThat(contains(out, time[maxAt], values[maxAt])).as("max of bucket %d", b).isTrue();
        }
    }

    @Test
    void keepsTimeOrderAndTheFirstAndLastPoint() {
        int n = 10_000;
        long[] time = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = i * 1000L;
            values[i] = Math.sin(i / 50.0) * (i % 7);
        }

        Points out = MinMaxDecimation.decimate(time, values, 100);

        for (int i = 1; i < out.size(); i++) assertThat(out.time()[i]).isGreaterThan(out.time()[i - 1]);
        assertThat(out.time()[0]).isEqualTo(0L);
        assertThat(out.values()[0]).isEqualTo(values[0]);
        assertThat(out.time()[out.size() - 1]).isEqualTo((n - 1) * 1000L);
        assertThat(out.values()[out.size() - 1]).isEqualTo(values[n - 1]);
    }

    @Test
    void aBucketOfOnlyNaNBecomesAGap() {
        int n = 1000;
        long[] time = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = i;
            values[i] = i >= 100 && i < 200 ? Double.NaN : i;
        }

        Points out = MinMaxDecimation.decimate(time, values, 10); // bucket 1 is indices 100..199

        int gaps = 0;
        for (int i = 0; i < out.size(); i++) {
            if (Double.isNaN(out.values()[i])) {
                gaps++;
                assertThat(out.time()[i]).isEqualTo(100L);
            }
        }
        assertThat(gaps).isEqualTo(1);
    }

    @Test
    void shortSeriesAreReturnedUnchanged() {
        long[] time = {1, 2, 3, 4, 5};
        double[] values = {5, 3, 9, 1, 7};

        Points out = MinMaxDecimation.decimate(time, values, 3);

        assertThat(out.time()).containsExactly(1, 2, 3, 4, 5);
        assertThat(out.values()).containsExactly(5, 3, 9, 1, 7);
    }

    private static boolean contains(Points p, long time, double value) {
        for (int i = 0; i < p.size(); i++) {
            if (p.time()[i] == time && p.values()[i] == value) return true;
        }
        return false;
    }
}
