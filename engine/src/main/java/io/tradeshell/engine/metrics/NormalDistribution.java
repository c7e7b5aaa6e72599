package io.tradeshell.engine.metrics;

/**
 * The standard normal distribution's cumulative probability and its inverse, to within about
 * 1e-14 relative error down to the smallest normal doubles in the tails.
 *
 * <p>The probability is summed in two ways so neither loses digits: near the centre by the
 * all-positive series Phi(x) = 1/2 + phi(x) (x + x^3/3 + x^5/(3*5) + ...), in the tails by the
 * continued fraction of Mills' ratio, Q(x) = phi(x) / (x + 1/(x + 2/(x + 3/(x + ...)))). The
 * inverse starts from Acklam's rational approximation (relative error 1.15e-9) and takes one
 * Halley step against the probability, which brings it to double precision.
 */
public final class NormalDistribution {
    private static final double INV_SQRT_2PI = 0.3989422804014327;
    /**
     * Beyond this the continued fraction converges in about a hundred steps; inside it the series
     * does, and 1/2 - Phi(x) for x &gt; -2 cancels away at most a factor 22 of its accuracy.
     */
    private static final double TAIL_START = 2.0;
    /** Beyond this the upper tail is below the smallest double. */
    private static final double TAIL_UNDERFLOW = 40.0;

    private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00};
    private static final double ACKLAM_LOW = 0.02425;

    private NormalDistribution() { }

    /** P(Z &lt;= x) for a standard normal Z. */
    public static double cdf(double x) {
        if (Double.isNaN(x)) return Double.NaN;
        if (x < -TAIL_START) return upperTail(-x);
        if (x > TAIL_START) return 1 - upperTail(x);
        return 0.5 + centralSeries(x);
    }

    /** The standard normal density. */
    public static double density(double x) {
        // Split x so the large part squares exactly: exp(-x^2/2) keeps full relative accuracy far out.
        double head = Math.rint(x * 16) / 16;
        double tail = (x - head) * (x + head);
        return Math.exp(-0.5 * head * head) * Math.exp(-0.5 * tail) * INV_SQRT_2PI;
    }

    /** The x with {@code cdf(x) == p}; -Infinity at 0 and +Infinity at 1. */
    public static double inverseCdf(double p) {
        if (Double.isNaN(p)) return Double.NaN;
        if (p < 0 || p > 1) throw new IllegalArgumentException("probability must be within [0, 1], was " + p);
        if (p == 0) return Double.NEGATIVE_INFINITY;
        if (p == 1) return Double.POSITIVE_INFINITY;
        // 1 - p is exact here, and working in the lower half keeps the tail probabilities' relative accuracy.
        return p > 0.5 ? -lowerHalfInverse(1 - p) : lowerHalfInverse(p);
    }

    private static double lowerHalfInverse(double p) {
        double x;
        if (p < ACKLAM_LOW) {
            double q = Math.sqrt(-2 * Math.log(p));
            x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                    / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        } else {
            double q = p - 0.5;
            double r = q * q;
            x = (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
                    / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
        }
        double phi = density(x);
        if (phi > 0) {
            double u = (cdf(x) - p) / phi;
            x -= u / (1 + x * u / 2);
        }
        return x;
    }

    /** Phi(x) - 1/2 for |x| &lt;= TAIL_START; every term of the sum has the sign of x. */
    private static double centralSeries(double x) {
        double q = x * x;
        double term = x, sum = x;
        for (int k = 3; ; k += 2) {
            term *= q / k;
            double next = sum + term;
            if (next == sum) break;
            sum = next;
        }
        return sum * density(x);
    }

    /** Q(x) = 1 - Phi(x) for x &gt; TAIL_START, by Lentz's evaluation of the continued fraction. */
    private static double upperTail(double x) {
        if (x >= TAIL_UNDERFLOW) return 0;
        double tiny = 1e-300;
        double f = x, c = x, d = 0;
        for (int j = 1; j < 1000; j++) {
            d = x + j * d;
            if (d == 0) d = tiny;
            d = 1 / d;
            c = x + j / c;
            if (c == 0) c = tiny;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) break;
        }
        return density(x) / f;
    }
}
