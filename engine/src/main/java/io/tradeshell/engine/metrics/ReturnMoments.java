package io.tradeshell.engine.metrics;

/**
 * Mean, spread and shape of a series of per-period returns, the inputs of the probabilistic
 * and deflated Sharpe ratios.
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
        int n = returns.length;
        if (n == 0) return new ReturnMoments(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        double sum = 0, min = returns[0], max = returns[0];
        for (double r : returns) {
            sum += r;
            if (r < min) min = r;
            if (r > max) max = r;
        }
        double mean = sum / n;
        if (min == max) {
            // Equal returns have no spread; the rounded mean must not invent one.
            return new ReturnMoments(n, min, n >= 2 ? 0 : Double.NaN, Double.NaN, Double.NaN);
        }
        double m2 = 0, m3 = 0, m4 = 0;
        for (double r : returns) {
            double d = r - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        double stdev = Math.sqrt(m2 / (n - 1));
        m2 /= n;
        m3 /= n;
        m4 /= n;
        return new ReturnMoments(n, mean, stdev, m3 / Math.pow(m2, 1.5), m4 / (m2 * m2));
    }

    /** Per-period Sharpe ratio, mean / stdev with a zero risk-free rate; NaN without spread. */
    public double sharpe() {
        return stdev > 0 ? mean / stdev : Double.NaN;
    }
}
