package io.tradeshell.engine.metrics;

/**
 * Tests of whether a Sharpe ratio is skill or luck, for choosing among the runs of a parameter
 * sweep: the probabilistic Sharpe ratio (Bailey &amp; Lopez de Prado, "The Sharpe Ratio
 * Efficient Frontier", 2012) and the deflated Sharpe ratio (Bailey &amp; Lopez de Prado,
 * "The Deflated Sharpe Ratio", 2014).
 *
 * <p>All Sharpe ratios here are per period, not annualised: a daily series gives a daily
 * ratio, and the benchmark and the variance of the trials' ratios must be in the same unit.
 */
public final class SharpeStatistics {
    /** The Euler-Mascheroni constant. */
    static final double EULER_GAMMA = 0.5772156649015329;

    private SharpeStatistics() { }

    /** Per-period Sharpe ratio: mean / sample standard deviation; NaN without spread. */
    public static double sharpe(double[] returns) {
        return ReturnMoments.of(returns).sharpe();
    }

    /** Skewness m3 / m2^1.5 from population central moments. */
    public static double skewness(double[] returns) {
        return ReturnMoments.of(returns).skewness();
    }

    /** Kurtosis m4 / m2^2 from population central moments, not excess (3 for a normal). */
    public static double kurtosis(double[] returns) {
        return ReturnMoments.of(returns).kurtosis();
    }

    /**
     * Probability that the true Sharpe ratio exceeds {@code benchmarkSr}, given a ratio
     * {@code sr} measured over {@code n} returns of the given skewness and (non-excess) kurtosis:
     * Phi((sr - sr*) * sqrt(n - 1) / sqrt(1 - skew * sr + (kurtosis - 1) / 4 * sr^2)).
     * NaN if n &lt; 2 or the variance term is not positive.
     */
    public static double probabilisticSharpe(double sr, double benchmarkSr, int n, double skew, double kurtosis) {
        if (n < 2) return Double.NaN;
        double variance = 1 - skew * sr + (kurtosis - 1) / 4 * sr * sr;
        if (!(variance > 0)) return Double.NaN;
        return NormalDistribution.cdf((sr - benchmarkSr) * Math.sqrt(n - 1) / Math.sqrt(variance));
    }

    /**
     * The Sharpe ratio the best of {@code trials} skill-less strategies is expected to show:
     * sqrt(V) * ((1 - gamma) * Phi^-1(1 - 1/N) + gamma * Phi^-1(1 - 1/(N e))), gamma being the
     * Euler-Mascheroni constant. A single trial has no selection to correct for, so it gives 0.
     */
    public static double expectedMaxSharpe(int trials, double varianceOfTrialSharpes) {
        if (trials < 1) throw new IllegalArgumentException("trials must be at least 1, was " + trials);
        if (varianceOfTrialSharpes < 0) {
            throw new IllegalArgumentException("variance of trial Sharpe ratios must not be negative, was "
                    + varianceOfTrialSharpes);
        }
        if (trials == 1) return 0;
        // Phi^-1(1 - a) = -Phi^-1(a), without rounding a tiny a away against 1.
        double z1 = -NormalDistribution.inverseCdf(1.0 / trials);
        double z2 = -NormalDistribution.inverseCdf(1.0 / (trials * Math.E));
        return Math.sqrt(varianceOfTrialSharpes) * ((1 - EULER_GAMMA) * z1 + EULER_GAMMA * z2);
    }

    /**
     * Probabilistic Sharpe ratio of the best of {@code trials} runs, measured against the Sharpe
     * ratio that luck alone is expected to give the best of that many
     * ({@link #expectedMaxSharpe}). {@code varianceOfTrialSharpes} is the variance of the trials'
     * per-period Sharpe ratios.
     */
    public static double deflatedSharpe(double sr, int n, double skew, double kurtosis,
                                        int trials, double varianceOfTrialSharpes) {
        return probabilisticSharpe(sr, expectedMaxSharpe(trials, varianceOfTrialSharpes), n, skew, kurtosis);
    }
}
