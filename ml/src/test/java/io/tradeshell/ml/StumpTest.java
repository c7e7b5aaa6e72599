package io.tradeshell.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tradeshell.engine.learning.Learner;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A tree of depth 1 is the one split, over every feature and every gap between two neighbouring
 * values, that leaves the least Gini impurity (samples times impurity, summed over the two sides);
 * each side predicts its share of ups. Found here by trying them all, over generated samples. The
 * learner compares values as 32-bit floats (rounding noise in a double's last digits is no
 * difference to split on), so this does too.
 */
class StumpTest {
    static IntStream seeds() {
        return IntStream.range(0, 25);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aStumpIsTheBestSingleSplitFoundByTryingEveryOne(int seed) {
        Random rnd = new Random(seed);
        int n = 40 + rnd.nextInt(200), features = 1 + rnd.nextInt(4);
        Samples s = Samples.generate(rnd, n, features);
        // a few repeated values, so gaps are between distinct values only
        for (int i = 0; i < n; i += 7) s.x()[i][0] = Math.rint(s.x()[i][0]);
        Learner.Fitted stump = TribuoLearner.trees(1).fit(s.x(), s.up());
        double[][] floats = new double[n][features];
        for (int i = 0; i < n; i++) for (int j = 0; j < features; j++) floats[i][j] = (float) s.x()[i][j];
        Split best = bestSplit(floats, s.up());

        for (double[] row : s.x()) assertThat(stump.probability(row)).isCloseTo(best.predict(row), within(1e-12));
        Random probe = new Random(seed + 100);
        for (int k = 0; k < 200; k++) {
            double[] row = new double[features];
            for (int j = 0; j < features; j++) row[j] = s.x()[probe.nextInt(n)][j] + (probe.nextDouble() - 0.5) * 0.01;
            assertThat(stump.probability(row)).as("new row %s", Arrays.toString(row)).isCloseTo(best.predict(row), within(1e-12));
        }
        double[] importance = stump.importance(features);
        for (int j = 0; j < features; j++) assertThat(importance[j]).isEqualTo(j == best.feature ? 1.0 : 0.0);
    }

    /** Feature {@code feature}: a row goes right when above {@code threshold}; each side's share of ups. */
    private record Split(int feature, double threshold, double left, double right) {
        double predict(double[] row) {
            return (float) row[feature] > threshold ? right : left;
        }
    }

    private static Split bestSplit(double[][] x, boolean[] up) {
        int n = x.length, ups = 0;
        for (boolean u : up) if (u) ups++;
        double bestScore = weightedGini(n, ups);
        Split best = null;
        for (int j = 0; j < x[0].length; j++) {
            final int f = j;
            Integer[] order = IntStream.range(0, n).boxed().sorted((a, b) -> Double.compare(x[a][f], x[b][f])).toArray(Integer[]::new);
            int leftN = 0, leftUps = 0;
            for (int k = 0; k < n - 1; k++) {
                leftN++;
                if (up[order[k]]) leftUps++;
                double here = x[order[k]][f], next = x[order[k + 1]][f];
                if (here == next) continue; // not a gap: the same value cannot go both ways
                double score = weightedGini(leftN, leftUps) + weightedGini(n - leftN, ups - leftUps);
                if (score < bestScore) {
                    bestScore = score;
                    best = new Split(f, (here + next) / 2, (double) leftUps / leftN, (double) (ups - leftUps) / (n - leftN));
                }
            }
        }
        return best;
    }

    private static double weightedGini(int n, int ups) {
        double p = (double) ups / n;
        return n * (1 - p * p - (1 - p) * (1 - p));
    }
}
