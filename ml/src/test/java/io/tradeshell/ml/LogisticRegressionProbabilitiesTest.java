package io.tradeshell.ml;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.learning.Learner;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Logistic regression gives the probabilities of the maximum-likelihood fit, found here
 * independently by Newton's method (iteratively reweighted least squares) on the raw features:
 * the fit does not depend on the features' scales, so the learner's standardizing must not show.
 */
class LogisticRegressionProbabilitiesTest {
    /**
     * AdaGrad on one sample at a time ends near the optimum, not on it: over these seeds its
     * probabilities were at most 0.0016 from the exact fit's after {@value TribuoLearner#LOGISTIC_EPOCHS}
     * passes at rate {@value TribuoLearner#LOGISTIC_RATE} (0.09 at Tribuo's default rate of 1, which
     * this would catch); 0.005 leaves room without hiding a wrong fit (a feature's weight a tenth
     * off moves the probabilities by more than 0.01).
     */
    private static final double TOLERANCE = 0.005;

    static IntStream seeds() {
        return IntStream.range(0, 12);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void probabilitiesAreTheExactFitsWithinTheLearnersConvergence(int seed) {
        Random rnd = new Random(seed);
        Samples s = Samples.generate(rnd, 200 + rnd.nextInt(400), 1 + rnd.nextInt(3));
        Learner.Fitted fitted = TribuoLearner.logistic().fit(s.x(), s.up());
        double[] beta = newton(s.x(), s.up());

        double worst = 0;
        for (double[] row : s.x()) worst = Math.max(worst, Math.abs(fitted.probability(row) - logistic(beta, row)));
        assertThat(worst).isLessThan(TOLERANCE);
    }

    /** Intercept first, then one coefficient per feature; iterated until the step is below 1e-12. */
    static double[] newton(double[][] x, boolean[] up) {
        int n = x.length, k = x[0].length + 1;
        double[] beta = new double[k];
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] gradient = new double[k];
            double[][] hessian = new double[k][k];
            for (int i = 0; i < n; i++) {
                double[] z = withIntercept(x[i]);
                double p = logistic(beta, x[i]);
                double w = p * (1 - p);
                for (int a = 0; a < k; a++) {
                    gradient[a] += ((up[i] ? 1 : 0) - p) * z[a];
                    for (int b = 0; b < k; b++) hessian[a][b] += w * z[a] * z[b];
                }
            }
            double[] step = solve(hessian, gradient);
            double size = 0;
            for (int a = 0; a < k; a++) {
                beta[a] += step[a];
                size = Math.max(size, Math.abs(step[a]));
            }
            if (size < 1e-12) return beta;
        }
        throw new AssertionError("Newton's method did not converge");
    }

    static double logistic(double[] beta, double[] row) {
        double[] z = withIntercept(row);
        double s = 0;
        for (int a = 0; a < z.length; a++) s += beta[a] * z[a];
        return 1 / (1 + Math.exp(-s));
    }

    private static double[] withIntercept(double[] row) {
        double[] z = new double[row.length + 1];
        z[0] = 1;
        System.arraycopy(row, 0, z, 1, row.length);
        return z;
    }

    /** Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] a, double[] b) {
        int k = b.length;
        double[][] m = new double[k][k + 1];
        for (int i = 0; i < k; i++) {
            System.arraycopy(a[i], 0, m[i], 0, k);
            m[i][k] = b[i];
        }
        for (int c = 0; c < k; c++) {
            int pivot = c;
            for (int r = c + 1; r < k; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
            double[] t = m[c]; m[c] = m[pivot]; m[pivot] = t;
            for (int r = c + 1; r < k; r++) {
                double f = m[r][c] / m[c][c];
                for (int q = c; q <= k; q++) m[r][q] -= f * m[c][q];
            }
        }
        double[] out = new double[k];
        for (int r = k - 1; r >= 0; r--) {
            double s = m[r][k];
            for (int q = r + 1; q < k; q++) s -= m[r][q] * out[q];
            out[r] = s / m[r][r];
        }
        return out;
    }
}
