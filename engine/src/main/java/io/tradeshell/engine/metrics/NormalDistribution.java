package io.tradeshell.engine.metrics;

/**
 * The standard normal distribution's cumulative probability, density and inverse, as the
 * probabilistic and deflated Sharpe ratios need them: Apache Commons Statistics computes them
 * (to about 1e-15 relative error, tails included), behind the three calls the metrics use.
 */
public final class NormalDistribution {
    private static final org.apache.commons.statistics.distribution.NormalDistribution STANDARD =
            org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1);

    private NormalDistribution() { }

    /** P(Z &lt;= x) for a standard normal Z. */
    public static double cdf(double x) {
        return Double.isNaN(x) ? Double.NaN : STANDARD.cumulativeProbability(x);
    }

    /** The standard normal density. */
    public static double density(double x) {
        return STANDARD.density(x);
    }

    /** The x with {@code cdf(x) == p}; -Infinity at 0 and +Infinity at 1. */
    public static double inverseCdf(double p) {
        if (Double.isNaN(p)) return Double.NaN;
        if (p < 0 || p > 1) throw new IllegalArgumentException("probability must be within [0, 1], was " + p);
        return STANDARD.inverseCumulativeProbability(p);
    }
}
