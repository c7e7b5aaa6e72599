package io.tradeshell.engine.metrics;

/**
 * Mean, spread and shape of a series of per-period returns, the inputs of the Sharpe ratio, the
 * volatility and the probabilistic and deflated Sharpe ratios.
 *
 * <p>Returns of exactly 0 (the bars an account spends flat, or whose price did not move) are
 * counted rather than summed one by one: the sums run over the other returns in bar order and the
 * zeros' share is added once at the end. So every way of getting the same returns, bar by bar or
 * from an account's holdings with its flat stretches skipped, gives the same figures bit for bit.
 *
 * @param count    number of returns
 * @param mean     arithmetic mean
 * @param stdev    sample standard deviation (n - 1 denominator); NaN for fewer than 2 returns
 * @param skewness m3 / m2^1.5 from population central moments; NaN when every return is equal
 * @param kurtosis m4 / m2^2 from population central moments, not excess (3 for a normal)
 */
public record ReturnMoments(int count, double mean, double stdev, double skewness, double kurtosis) {

    /** Two passes over {@code returns}: the mean, then the central moments about it. */
    public static ReturnMoments of(double[] returns) {
        double[] packed = returns.clone();
        Sums s = new Sums();
        return s.moments(packed, s.addAll(packed, 0, packed.length));
    }

    /**
     * The first pass: how many returns, how many of them 0, and the sum and extremes of the
     * others. {@link #moments} then takes the second pass over the returns that are not 0.
     */
    public static final class Sums {
        int n;
        long zeros;
        double sum, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;

        public Sums() { }

        /**
         * The next returns, {@code returns[from..to)} in order: those that are not 0 are summed and
         * moved down to stay packed from {@code from}, the zeros counted; returns where the packed
         * ones end. (One call per stretch of bars, the sums kept in locals meanwhile.)
         */
        public int addAll(double[] returns, int from, int to) {
            int count = n + (to - from), w = from;
            long z = zeros;
            double s = sum, lo = min, hi = max;
            for (int k = from; k < to; k++) {
                double r = returns[k];
                if (r == 0) {
                    z++;
                    continue;
                }
                s += r;
                if (r < lo) lo = r;
                if (r > hi) hi = r;
                returns[w++] = r;
            }
            n = count;
            zeros = z;
            sum = s;
            min = lo;
            max = hi;
            return w;
        }

        /** {@code k} more returns of exactly 0. */
        public void zeros(int k) {
            n += k;
            zeros += k;
        }

        /**
         * The moments about the mean, from the returns that are not 0 in bar order:
         * {@code returns[0..size)} (any 0 among them is skipped, it was counted by {@link #addAll}).
         */
        public ReturnMoments moments(double[] returns, int size) {
            if (n == 0) return new ReturnMoments(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            double lo = min, hi = max;
            if (zeros > 0) {
                if (0 < lo) lo = 0;
                if (0 > hi) hi = 0;
            }
            double mean = sum / n;
            if (lo == hi && !Double.isNaN(sum)) {
                // Equal returns have no spread; the rounded mean must not invent one.
                return new ReturnMoments(n, lo, n >= 2 ? 0 : Double.NaN, Double.NaN, Double.NaN);
            }
            double m2 = 0, m3 = 0, m4 = 0;
            for (int k = 0; k < size; k++) {
                double r = returns[k];
                if (r == 0) continue;
                double d = r - mean;
                double d2 = d * d;
                m2 += d2;
                m3 += d2 * d;
                m4 += d2 * d2;
            }
            if (zeros > 0) {
                double d = 0 - mean, d2 = d * d, z = zeros;
                m2 += z * d2;
                m3 += z * (d2 * d);
                m4 += z * (d2 * d2);
            }
            double stdev = Math.sqrt(m2 / (n - 1));
            m2 /= n;
            m3 /= n;
            m4 /= n;
            return new ReturnMoments(n, mean, stdev, m3 / Math.pow(m2, 1.5), m4 / (m2 * m2));
        }
    }

    /** Per-period Sharpe ratio, mean / stdev with a zero risk-free rate; NaN without spread. */
    public double sharpe() {
        return stdev > 0 ? mean / stdev : Double.NaN;
    }
}
