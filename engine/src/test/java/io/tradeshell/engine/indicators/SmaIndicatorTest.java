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

    /**
     * Values computed many bars at a time (a sweep's shared average over the whole series) are
     * those computed one bar at a time as the bars arrive, bit for bit: cent and 8-decimal prices
     * (past 2^53 in the window sum too), and an average over an average (no exact scale).
     */
    @Test
    void valuesComputedInOneGoAreThoseComputedBarByBar() {
        Random random = new Random(20261206);
        for (int c = 0; c < 40; c++) {
            int bars = 1 + random.nextInt(3_000), scale = random.nextBoolean() ? 2 : 8, window = 1 + random.nextInt(c % 4 == 0 ? 1_500 : 60);
            BarSeries whole = new BarSeries("X", Duration.ofMinutes(1), scale, bars), growing = new BarSeries("X", Duration.ofMinutes(1), scale, bars);
            double[] p = new double[bars];
            long units = scale == 2 ? 5_000 + random.nextInt(5_000) : 12_345_600_000_000L;
            for (int i = 0; i < bars; i++) {
                units = Math.max(1, units + random.nextInt(2_001) - 1_000);
                p[i] = BigDecimal.valueOf(units, scale).doubleValue();
                whole.append(60_000L * i, p[i], p[i], p[i], p[i], 1);
            }
            boolean nested = random.nextInt(4) == 0;
            Indicator atOnce = sma(whole, window, nested), barByBar = sma(growing, window, nested);
            double last = atOnce.last();
            for (int i = 0; i < bars; i++) {
                growing.append(60_000L * i, p[i], p[i], p[i], p[i], 1);
                assertThat(barByBar.value(i)).as("case %d bar %d", c, i).isEqualTo(atOnce.value(i));
            }
            assertThat(last).isEqualTo(barByBar.last());
        }
    }

    private static Indicator sma(BarSeries series, int window, boolean nested) {
        PriceIndicator close = new PriceIndicator(series, Column.CLOSE);
        return nested ? new SmaIndicator(new SmaIndicator(close, 3), window) : new SmaIndicator(close, window);
    }

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
