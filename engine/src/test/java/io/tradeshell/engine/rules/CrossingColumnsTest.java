package io.tradeshell.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.indicators.EmaIndicator;
import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.indicators.SmaIndicator;
import io.tradeshell.engine.model.BarSeries;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A crossing's column says at every bar what the rule tested at that bar says: over generated
 * walks of cheap prices (averages tie often, so stretches of 64 bars with and without a tie both
 * occur), expensive ones (ties rare), and warm-ups of every length, NaN ones included.
 */
class CrossingColumnsTest {

    @Test
    void crossingColumnsAreTheRuleTestedBarByBar() {
        SplittableRandom random = new SplittableRandom(20261206);
        long crossings = 0;
        for (int c = 0; c < 60; c++) {
            int n = 1 + random.nextInt(c < 10 ? 130 : 5_000);
            boolean cheap = random.nextBoolean();
            BarSeries s = new BarSeries("X", Duration.ofMinutes(1), 2, n);
            double p = cheap ? 1 + random.nextInt(5) : 100 + random.nextInt(900);
            for (int i = 0; i < n; i++) {
                p = Math.max(0.01, p + (random.nextInt(cheap ? 3 : 41) - (cheap ? 1 : 20)) * 0.01);
                double close = Math.round(p * 100) / 100.0;
                s.append(60_000L * i, close, close, close, close, 1);
            }
            PriceIndicator close = new PriceIndicator(s, PriceIndicator.Column.CLOSE);
            Indicator a = average(random, close), b = average(random, close);
            Indicator[] both = {a, b};
            RuleColumns columns = new RuleColumns(n, indicator -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) v[i] = indicator.value(i);
                return indicator == both[0] || indicator == both[1] ? v : null;
            });
            for (Rule rule : new Rule[] {Rules.crossedOver(a, b), Rules.crossedUnder(a, b), Rules.crossedOver(b, a)}) {
                long[] column = columns.of(rule);
                for (int i = 0; i < n; i++) {
                    boolean bit = (column[i >>> 6] >>> i & 1) != 0;
                    assertThat(bit).as("case %d bar %d of %d, %s", c, i, n, rule).isEqualTo(rule.test(i));
                    if (bit) crossings++;
                }
            }
        }
        assertThat(crossings).isGreaterThan(5_000);
    }

    private static Indicator average(SplittableRandom random, PriceIndicator close) {
        int length = 1 + random.nextInt(random.nextInt(8) == 0 ? 200 : 30);
        return random.nextInt(3) == 0 ? new EmaIndicator(close, length) : new SmaIndicator(close, length);
    }
}
