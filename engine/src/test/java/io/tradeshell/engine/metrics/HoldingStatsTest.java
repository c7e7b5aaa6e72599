package io.tradeshell.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The figures worked out from an account's holdings (its flat stretches taken in one step) are
 * those of the same account marked at every close and fed to {@link EquityStats} bar by bar, bit
 * for bit; and the moments of the returns are those of a plain two-pass over them written here,
 * zeros counted and added once.
 */
class HoldingStatsTest {

    @Test
    void holdingsGiveTheFiguresOfTheAccountMarkedBarByBar() {
        SplittableRandom random = new SplittableRandom(20261206);
        int flatBars = 0, zeroReturnsInMarket = 0;
        for (int c = 0; c < 300; c++) {
            int n = 1 + random.nextInt(c < 20 ? 5 : 3_000);
            double[] close = prices(random, n);
            double cash0 = random.nextBoolean() ? 100_000 : 500 + random.nextInt(5_000);
            HoldingStats.Holdings[] accounts = new HoldingStats.Holdings[1 + random.nextInt(6)];
            for (int a = 0; a < accounts.length; a++) accounts[a] = holdings(random, n, cash0, close);
            HoldingStats.Figures[] figures = HoldingStats.of(close, n, cash0, accounts);
            long[] time = new long[n];
            for (int i = 0; i < n; i++) time[i] = 1_600_000_000_000L + 60_000L * i;
            for (int a = 0; a < accounts.length; a++) {
                HoldingStats.Holdings h = accounts[a];
                EquityStats bars = new EquityStats(cash0);
                double[] returns = new double[n];
                double prev = cash0;
                boolean ok = true;
                for (int i = 0, s = 0; i < n; i++) {
                    while (s + 1 < h.count() && h.from()[s + 1] <= i) s++;
                    double cash = h.cash()[s], qty = h.qty()[s];
                    double e = qty != 0 ? cash + qty * close[i] : cash;   // as the account marks itself
                    ok &= e > 0 && e < Double.POSITIVE_INFINITY;
                    bars.add(e, e > 0 ? Math.abs(qty * close[i]) / e : 0);
                    returns[i] = e / prev - 1;
                    if (qty == 0) flatBars++;
                    else if (returns[i] == 0) zeroReturnsInMarket++;
                    prev = e;
                }
                if (!ok) {
                    assertThat(figures[a]).as("case %d account %d: equity not positive somewhere", c, a).isNull();
                    continue;
                }
                assertThat(figures[a]).as("case %d account %d", c, a).isNotNull();
                assertThat(figures[a].stats().metrics(time, java.util.List.of(), 0, 0, time[n - 1] + 60_000))
                        .as("case %d account %d", c, a).isEqualTo(bars.metrics(time, java.util.List.of(), 0, 0, time[n - 1] + 60_000));
                assertThat(figures[a].moments()).as("case %d account %d", c, a).isEqualTo(bars.moments()).isEqualTo(plainMoments(returns));
                assertThat(ReturnMoments.of(returns)).isEqualTo(plainMoments(returns));
            }
        }
        assertThat(flatBars).isGreaterThan(100_000);
        assertThat(zeroReturnsInMarket).isGreaterThan(1_000);
    }

    @Test
    void zerosAreCountedAndAddedOnceByHand() {
        // returns 0, 0, 0.3, -0.1: mean 0.05; deviations -0.05 (twice), 0.25, -0.15
        // sample variance (2 * 0.0025 + 0.0625 + 0.0225) / 3 = 0.09 / 3 = 0.03
        ReturnMoments m = ReturnMoments.of(new double[] {0, 0, 0.3, -0.1});
        assertThat(m.mean()).isCloseTo(0.05, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(m.stdev()).isCloseTo(Math.sqrt(0.03), org.assertj.core.api.Assertions.within(1e-15));
        assertThat(ReturnMoments.of(new double[] {0, 0, 0}).stdev()).isZero();
        assertThat(ReturnMoments.of(new double[] {0, Double.NaN, 0.1}).stdev()).isNaN();
    }

    /** Mean over all, then the central moments over the returns that are not 0 in order, plus the zeros' share once. */
    private static ReturnMoments plainMoments(double[] r) {
        int n = r.length;
        double sum = 0, lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        long zeros = 0;
        for (double x : r) {
            if (x == 0) {
                zeros++;
            } else {
                sum += x;
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        if (zeros > 0) {
            lo = Math.min(lo, 0);
            hi = Math.max(hi, 0);
        }
        double mean = sum / n;
        if (lo == hi) return new ReturnMoments(n, lo, n >= 2 ? 0 : Double.NaN, Double.NaN, Double.NaN);
        double m2 = 0, m3 = 0, m4 = 0;
        for (double x : r) {
            if (x == 0) continue;
            double d = x - mean;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * (d * d);
        }
        double d = 0 - mean;
        m2 += zeros * (d * d);
        m3 += zeros * (d * d * d);
        m4 += zeros * (d * d * (d * d));
        return new ReturnMoments(n, mean, Math.sqrt(m2 / (n - 1)), m3 / n / Math.pow(m2 / n, 1.5), m4 / n / (m2 / n * (m2 / n)));
    }

    /** A random walk of cheap prices on a tick of 0.01, so closes repeat often (returns of exactly 0 while in the market). */
    private static double[] prices(SplittableRandom random, int n) {
        double[] close = new double[n];
        double p = 1 + random.nextInt(40);
        for (int i = 0; i < n; i++) {
            p = Math.max(0.01, p + (random.nextInt(5) - 2) * 0.01);
            close[i] = Math.round(p * 100) / 100.0;
        }
        return close;
    }

    /** Holdings changing at random bars: flat, long or short, sometimes beyond what the cash bears. */
    private static HoldingStats.Holdings holdings(SplittableRandom random, int n, double cash0, double[] close) {
        int changes = 1 + random.nextInt(Math.min(n, 40));
        int[] from = new int[changes];
        double[] cash = new double[changes], qty = new double[changes];
        cash[0] = cash0;
        for (int k = 1; k < changes; k++) from[k] = from[k - 1] + 1 + random.nextInt(Math.max(1, (n - from[k - 1]) / (changes - k + 1)));
        for (int k = 1; k < changes; k++) {
            int i = Math.min(from[k], n - 1);
            double units = random.nextInt(3) == 0 ? 0 : (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(random.nextInt(10) == 0 ? 5_000_000 : 500));
            double equity = cash[k - 1] + qty[k - 1] * close[i];
            qty[k] = units;
            cash[k] = equity - units * close[i] - random.nextInt(5);
        }
        int count = changes;
        while (count > 1 && from[count - 1] >= n) count--;
        return new HoldingStats.Holdings(from, cash, qty, count);
    }
}
