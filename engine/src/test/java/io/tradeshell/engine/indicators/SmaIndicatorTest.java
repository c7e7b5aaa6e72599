package io.tradeshell.engine.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.indicators.PriceIndicator.Column;
import io.tradeshell.engine.model.BarSeries;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SmaIndicatorTest {

    @Test
    void longWindowsOfEightDecimalPricesStayCorrectlyRoundedPastTwoToThe53() {
        // 1,000 prices near 123,456 with 8 decimals: the scaled window sum is about 1.2e16 > 2^53.
        Random random = new Random(7);
        int bars = 1_300, window = 1_000;
        long[] units = new long[bars];
        BarSeries series = new BarSeries("BTC", Duration.ofMinutes(1), 8, bars);
        for (int i = 0; i < bars; i++) {
            units[i] = 12_345_600_000_000L + random.nextInt(1_000_000_000);
            double p = BigDecimal.valueOf(units[i], 8).doubleValue();
            series.append(60_000L * i, p, p, p, p, 1);
        }
        SmaIndicator sma = new SmaIndicator(new PriceIndicator(series, Column.CLOSE), window);

        for (int i = window - 1; i < bars; i++) {
            long sum = 0;
            for (int k = i - window + 1; k <= i; k++) sum += units[k];
            assertThat(Math.abs(sum)).isGreaterThan(1L << 53);
            BigDecimal exact = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(window).scaleByPowerOfTen(8), new MathContext(80));
            double x = sma.value(i);
            BigDecimal error = new BigDecimal(x).subtract(exact).abs();
            assertThat(error).as("bar %d", i)
                    .isLessThanOrEqualTo(new BigDecimal(Math.nextUp(x)).subtract(exact).abs())
                    .isLessThanOrEqualTo(new BigDecimal(Math.nextDown(x)).subtract(exact).abs());
        }
    }

    @Test
    void anAverageOfAnIndicatorWarmingUpRecoversOnceItsWindowHasNoNaN() {
        BarSeries s = new BarSeries("X", Duration.ofDays(1), 2, 6);
        double[] closes = {10, 20, 30, 40, 50, 60};
        for (int i = 0; i < closes.length; i++) s.append(86_400_000L * i, closes[i], closes[i], closes[i], closes[i], 1);
        // EMA(3), multiplier 0.5: NaN, NaN, NaN, 40, 45, 52.5. ta4j's running total would stay NaN.
        SmaIndicator sma = new SmaIndicator(new EmaIndicator(new PriceIndicator(s, Column.CLOSE), 3), 2);

        assertThat(sma.value(3)).isNaN();
        assertThat(sma.value(4)).isEqualTo((40 + 45) / 2.0);
        assertThat(sma.value(5)).isEqualTo((45 + 52.5) / 2.0);
    }
}
