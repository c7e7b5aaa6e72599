package io.tradeshell.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A series over handed-over columns (with room to spare past its last bar, as a reader's
 * buffer has) reads exactly as one built bar by bar, and a series revealing it never shows a
 * bar past the last one.
 */
class BarSeriesAdoptingTest {
    @Test
    void adoptedColumnsReadAsAppendedBarsAndRevealNoMore() {
        SplittableRandom r = new SplittableRandom(3);
        for (int round = 0; round < 100; round++) {
            int n = r.nextInt(1, 500), room = n + r.nextInt(0, 300);
            long[] time = new long[room];
            double[][] cols = new double[5][room];
            BarSeries appended = new BarSeries("X", Duration.ofMinutes(1), 2, 1);
            long t = r.nextLong(0, 1L << 40);
            for (int i = 0; i < n; i++) {
                t += r.nextLong(1, 100_000);
                time[i] = t;
                for (double[] c : cols) c[i] = r.nextDouble(1, 200);
                appended.append(t, cols[0][i], cols[1][i], cols[2][i], cols[3][i], cols[4][i]);
            }
            BarSeries adopted = BarSeries.adopting("X", Duration.ofMinutes(1), 2, n, time, cols[0], cols[1], cols[2], cols[3], cols[4]);
            assertThat(adopted.size()).isEqualTo(n);
            for (int i = 0; i < n; i++) assertThat(adopted.bar(i)).isEqualTo(appended.bar(i));
            assertThatThrownBy(() -> adopted.close(n)).isInstanceOf(IndexOutOfBoundsException.class);

            BarSeries shown = BarSeries.revealing(adopted);
            int revealed = 0;
            while (shown.reveal()) revealed++;
            assertThat(revealed).isEqualTo(n);
            assertThat(shown.bar(n - 1)).isEqualTo(appended.bar(n - 1));
        }
    }

    @Test
    void timesThatDoNotIncreaseAreRefused() {
        long[] time = {1000, 2000, 2000};
        double[] c = {1, 2, 3};
        assertThatThrownBy(() -> BarSeries.adopting("X", Duration.ofSeconds(1), 0, 3, time, c, c, c, c, c))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not after");
    }
}
