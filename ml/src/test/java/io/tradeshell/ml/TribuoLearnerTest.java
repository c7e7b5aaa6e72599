package io.tradeshell.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tradeshell.engine.learning.Learner;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * The plain copy of a Tribuo model predicts what Tribuo's own model predicts; a fit depends on its
 * samples alone (not on what the learner fitted before), and its saved bytes load back to the very
 * same predictions.
 */
class TribuoLearnerTest {
    static List<TribuoLearner> learners() {
        return List.of(TribuoLearner.trees(1), TribuoLearner.trees(4), TribuoLearner.forest(25, 3), TribuoLearner.logistic());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void theCopyPredictsAsTribuoDoes(TribuoLearner learner) {
        Samples s = Samples.generate(new Random(21), 400, 3);
        TribuoLearner.Fit fit = learner.fitted(s.x(), s.up());
        Random probe = new Random(5);
        String[] names = {TribuoLearner.name(0), TribuoLearner.name(1), TribuoLearner.name(2)};
        for (int k = 0; k < 300; k++) {
            // training rows (as Tribuo saw them) and new ones
            int i = k % s.x().length;
            double[] row = k % 2 == 0 ? s.x()[i] : new double[] {probe.nextGaussian() * 2, probe.nextGaussian(), probe.nextDouble() * 100};
            double[] shown = row;
            if (learner.describe().startsWith("logistic")) {
                // Tribuo's model was fitted on standardized rows: show it a row standardized the same way
                shown = standardized(row, s.x());
            } else {
                // and its trees on rows rounded to floats
                shown = new double[row.length];
                for (int j = 0; j < row.length; j++) shown[j] = (float) row[j];
            }
            var example = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, shown);
            double tribuo = fit.tribuo().predict(example).getOutputScores().get("up").getScore();
            assertThat(fit.plain().probability(row)).as("row %d", k).isCloseTo(tribuo, within(1e-9));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void aFitDependsOnItsSamplesAloneAndItsBytesLoadBackExactly(TribuoLearner learner) {
        Samples a = Samples.generate(new Random(1), 300, 3), other = Samples.generate(new Random(2), 250, 3);
        byte[] first = learner.fit(a.x(), a.up()).bytes();
        learner.fit(other.x(), other.up());
        Learner.Fitted again = learner.fit(a.x(), a.up());
        assertThat(again.bytes()).isEqualTo(first);
        Learner.Fitted loaded = learner.load(first);
        assertThat(loaded.bytes()).isEqualTo(first);
        Random probe = new Random(8);
        for (int k = 0; k < 100; k++) {
            double[] row = {probe.nextGaussian() * 2, probe.nextGaussian(), probe.nextDouble() * 100};
            assertThat(Double.doubleToLongBits(loaded.probability(row))).isEqualTo(Double.doubleToLongBits(again.probability(row)));
        }
        assertThat(loaded.importance(3)).containsExactly(again.importance(3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void samplesOfOneClassGiveThatClassAndBytesOfAnotherFormatAreRefused(TribuoLearner learner) {
        double[][] x = {{1, 2, 3}, {2, 3, 4}, {3, 4, 5}};
        assertThat(learner.fit(x, new boolean[] {true, true, true}).probability(new double[] {0, 0, 0})).isEqualTo(1.0);
        assertThat(learner.fit(x, new boolean[] {false, false, false}).probability(new double[] {9, 9, 9})).isEqualTo(0.0);
        assertThatThrownBy(() -> learner.load(new byte[] {1, 2, 3, 4, 5})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a model " + learner.describe() + " can read");
    }

    private static double[] standardized(double[] row, double[][] x) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            double mean = 0, squares = 0;
            for (double[] r : x) mean += r[j];
            mean /= x.length;
            for (double[] r : x) squares += (r[j] - mean) * (r[j] - mean);
            out[j] = (row[j] - mean) / Math.sqrt(squares / x.length);
        }
        return out;
    }
}
