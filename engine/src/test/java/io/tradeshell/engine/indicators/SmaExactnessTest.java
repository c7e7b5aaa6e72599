package io.tradeshell.engine.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tradeshell.engine.indicators.PriceIndicator.Column;
import io.tradeshell.engine.model.BarSeries;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A million bars of cent prices: the moving averages at the end of the series are as exact as at
 * the start, and averages that are equal in decimal arithmetic are equal doubles, which is what
 * a crossing rule needs to see a touch as a touch.
 */
class SmaExactnessTest {
    private static final int BARS = 1_000_000;
    private static long[] cents;
    private static long[] prefix;
    private static SmaIndicator fast;
    private static SmaIndicator slow;

    @BeforeAll
    static void buildSeries() {
        Random random = new Random(42);
        cents = new long[BARS];
        long price = 50_000;
        for (int i = 0; i < BARS; i++) {
            price = Math.max(100, price + random.nextInt(61) - 30);
            // Deliberate flat stretches late in the series, longer than both windows.
            boolean flat = (i >= 900_000 && i < 900_100) || (i >= 990_000 && i < 990_045) || i >= BARS - 40;
            if (flat && i > 0) price = cents[i - 1];
            cents[i] = price;
        }
        prefix = new long[BARS + 1];
        for (int i = 0; i < BARS; i++) prefix[i + 1] = prefix[i] + cents[i];

        BarSeries series = new BarSeries("WALK", Duration.ofMinutes(1), 2, BARS);
        for (int i = 0; i < BARS; i++) {
            double p = cents[i] / 100.0;
            series.append(60_000L * i, p, p, p, p, 1);
        }
        PriceIndicator close = new PriceIndicator(series, Column.CLOSE);
        fast = new SmaIndicator(close, 10);
        slow = new SmaIndicator(close, 30);
        fast.last();
        slow.last();
    }

    /** The exact sum of cents over the window of {@code n} bars ending at {@code i}. */
    private static long windowSum(int i, int n) {
        return prefix[i + 1] - prefix[Math.max(0, i - n + 1)];
    }

    private static BigDecimal exactMean(int i, int n) {
        int count = Math.min(i + 1, n);
        // 80 digits: far closer to the exact quotient than the half-ulp distances compared below.
        return BigDecimal.valueOf(windowSum(i, n)).divide(BigDecimal.valueOf(100L * count), new MathContext(80));
    }

    /** {@code x} is the double nearest to {@code exact}: no neighbouring double is closer. */
    private static void assertNearestDouble(String what, BigDecimal exact, double x) {
        BigDecimal error = new BigDecimal(x).subtract(exact).abs();
        assertThat(error).as(what + " vs next double up").isLessThanOrEqualTo(new BigDecimal(Math.nextUp(x)).subtract(exact).abs());
        assertThat(error).as(what + " vs next double down").isLessThanOrEqualTo(new BigDecimal(Math.nextDown(x)).subtract(exact).abs());
    }

    @Test
    void averagesAtSampledBarsAreTheExactDecimalMeanRoundedToDouble() {
        // Warm-up, a stride through the whole series, the flat stretches and the end, where a
        // running double sum would have drifted the most.
        int[] sampled = IntStream.concat(IntStream.concat(IntStream.range(0, 100), IntStream.iterate(100, i -> i < BARS, i -> i + 997)),
                IntStream.concat(IntStream.concat(IntStream.range(899_990, 900_110), IntStream.range(989_990, 990_060)),
                        IntStream.range(BARS - 300, BARS))).toArray();
        for (int i : sampled) {
            assertNearestDouble("SMA10 at " + i, exactMean(i, 10), fast.value(i));
            assertNearestDouble("SMA30 at " + i, exactMean(i, 30), slow.value(i));
        }
        assertThat(sampled).hasSizeGreaterThan(1_500).contains(BARS - 1);
    }

    @Test
    void decimalTiesBetweenTheAveragesAreExactDoubleTiesAndOnlyThose() {
        int ties = 0, lateTies = 0;
        for (int i = 29; i < BARS; i++) {
            // mean10 == mean30  <=>  sum10 / 10 == sum30 / 30  <=>  3 * sum10 == sum30, in exact integers.
            boolean exactTie = 3 * windowSum(i, 10) == windowSum(i, 30);
            if ((fast.value(i) == slow.value(i)) != exactTie) {
                fail("bar %d: decimal tie %s but SMA10 %s, SMA30 %s", i, exactTie, fast.value(i), slow.value(i));
            }
            if (exactTie) {
                ties++;
                if (i > 900_000) lateTies++;
            }
        }
        assertThat(lateTies).as("ties constructed late in the series").isGreaterThanOrEqualTo(70 + 15 + 10);
        assertThat(ties).isGreaterThanOrEqualTo(lateTies);
    }

    @Test
    void decimalTiesBetweenConsecutiveBarsAreExactDoubleTies() {
        for (int i = 30; i < BARS; i++) {
            boolean exactTie = windowSum(i, 30) == windowSum(i - 1, 30);
            if ((slow.value(i) == slow.value(i - 1)) != exactTie) {
                fail("bar %d: decimal tie %s but SMA30 %s after %s", i, exactTie, slow.value(i), slow.value(i - 1));
            }
        }
    }
}
