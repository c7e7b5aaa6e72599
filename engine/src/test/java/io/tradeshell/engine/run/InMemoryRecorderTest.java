package io.tradeshell.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.metrics.EquityCurve;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Whatever room the recorder was given (too little, exactly enough, too much), its curve and
 * benchmark hold exactly the points recorded, and points recorded after a curve was taken do
 * not change that curve.
 */
class InMemoryRecorderTest {
    @Test
    void theCurveHoldsExactlyThePointsRecordedWhateverTheRoomGiven() {
        SplittableRandom r = new SplittableRandom(5);
        for (int round = 0; round < 200; round++) {
            int points = r.nextInt(0, 3000);
            int room = switch (round % 3) {
                case 0 -> points;
                case 1 -> r.nextInt(1, 3000);
                default -> 1;
            };
            InMemoryRecorder rec = new InMemoryRecorder(room);
            long[] time = new long[points];
            double[] equity = new double[points], exposure = new double[points], benchmark = new double[points];
            for (int i = 0; i < points; i++) {
                time[i] = 1_000L * i + r.nextInt(1000);
                equity[i] = r.nextDouble(1, 1e6);
                exposure[i] = r.nextDouble();
                benchmark[i] = r.nextDouble(1, 1e6);
                rec.onEquity(time[i], equity[i], r.nextDouble(), exposure[i], benchmark[i]);
            }
            EquityCurve curve = rec.curve();
            double[] bench = rec.benchmark();
            assertThat(curve.time()).containsExactly(time);
            assertThat(curve.equity()).containsExactly(equity);
            assertThat(curve.exposure()).containsExactly(exposure);
            assertThat(bench).containsExactly(benchmark);

            rec.onEquity(-1, -1, -1, -1, -1);
            assertThat(curve.time()).containsExactly(time);
            assertThat(curve.equity()).containsExactly(equity);
            assertThat(curve.exposure()).containsExactly(exposure);
            assertThat(bench).containsExactly(benchmark);
            assertThat(rec.points()).isEqualTo(points + 1);
            assertThat(rec.curve().equity()[points]).isEqualTo(-1);
        }
    }
}
