package io.tradeshell.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.indicators.EmaIndicator;
import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.model.BarSeries;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrendOverWarmUpTest {

    @Test
    void stepsThatAreNaNDuringWarmUpAreNeitherRisingNorFalling() {
        BarSeries s = new BarSeries("X", Duration.ofDays(1), 2, 8);
        double[] closes = {10, 11, 12, 13, 14, 15, 16, 17};
        for (int i = 0; i < closes.length; i++) s.append(86_400_000L * i, closes[i], closes[i], closes[i], closes[i], 1);
        // EMA(4) is NaN on bars 0..3, then 14, 14.4, 15.04, 15.824: rising from bar 5 on.
        EmaIndicator ema = new EmaIndicator(new PriceIndicator(s, PriceIndicator.Column.CLOSE), 4);

        Rule rising = Rules.rising(ema, 2);
        Rule falling = Rules.falling(ema, 2);

        for (int i = 2; i <= 4; i++) {
            assertThat(rising.test(i)).as("rising at bar %d", i).isFalse();
            assertThat(falling.test(i)).as("falling at bar %d", i).isFalse();
        }
        assertThat(rising.test(5)).isFalse();
        assertThat(rising.test(6)).isTrue();
        assertThat(rising.test(7)).isTrue();
        assertThat(falling.test(7)).isFalse();
    }
}
