package io.tradeshell.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tradeshell.engine.learning.Label;
import io.tradeshell.engine.learning.Learner;
import io.tradeshell.engine.learning.ModelReport;
import io.tradeshell.engine.learning.WalkForwardModel;
import io.tradeshell.engine.model.BarSeries;
import java.util.Random;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Out-of-sample accuracy means what it says: on a random walk nothing can be learned, so it is
 * 0.5 within sampling error; on closes with a planted pattern it is the pattern's own odds. Each
 * expected figure is recounted here from the model's values and the closes, not from the report.
 */
class WalkForwardAccuracyTest {
    private static final Label NEXT_DAY_UP = new Label(1, 0, true);

    static List<Learner> learners() {
        return List.of(TribuoLearner.trees(3), TribuoLearner.forest(50, 4), TribuoLearner.logistic(), XgbLearner.boosted(30, 2, 0.3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void onARandomWalkOutOfSampleAccuracyIsAHalfWithinSamplingError(Learner learner) {
        double[] closes = Walks.randomWalk(new Random(42), 3000);
        BarSeries bars = Walks.series(closes);
        WalkForwardModel model = Walks.model(bars, learner, Walks.schedule("500 bars", "250 bars", 1), NEXT_DAY_UP);
        ModelReport report = model.report();

        Recount r = recount(model, closes, 1);
        assertThat(report.scored()).isEqualTo(r.scored);
        assertThat(report.accuracy()).isCloseTo((double) r.hits / r.scored, within(1e-12));
        double standardError = Math.sqrt(0.25 / r.scored);
        assertThat(r.scored).isGreaterThan(2400);
        assertThat(report.accuracy()).isCloseTo(0.5, within(3.3 * standardError));
        assertThat(report.leaks()).isFalse();
        assertThat(report.windows()).hasSize(10); // trained at bar 500, then every 250 bars up to 2750
    }

    @Test
    void onClosesWithAPlantedMomentumTheModelFindsItsOdds() {
        double[] closes = Walks.momentum(new Random(7), 2000, 0.75);
        BarSeries bars = Walks.series(closes);
        WalkForwardModel model = Walks.model(bars, TribuoLearner.trees(3), Walks.schedule("400 bars", "200 bars", 1), NEXT_DAY_UP);
        ModelReport report = model.report();

        Recount r = recount(model, closes, 1);
        double standardError = Math.sqrt(0.75 * 0.25 / r.scored);
        // a learner that found the rule (up after an up day) is right as often as the rule holds: 0.75
        assertThat(report.accuracy()).isCloseTo(0.75, within(3.3 * standardError));
        assertThat(report.accuracy()).isCloseTo((double) r.hits / r.scored, within(1e-12));
        for (ModelReport.Window w : report.windows()) assertThat(w.accuracy()).as("window %d", w.training().number()).isGreaterThan(0.6);
        assertThat(report.importance()[0]).as("yesterday's return matters most").isGreaterThan(0.5);
    }

    @Test
    void everyLearnerFindsThePlantedPattern() {
        double[] closes = Walks.momentum(new Random(11), 1500, 0.8);
        BarSeries bars = Walks.series(closes);
        for (Learner learner : List.of(TribuoLearner.trees(2), TribuoLearner.forest(30, 3), XgbLearner.boosted(30, 2, 0.3), TribuoLearner.logistic())) {
            WalkForwardModel model = Walks.model(Walks.series(closes), learner, Walks.schedule("300 bars", "300 bars", 1), NEXT_DAY_UP);
            assertThat(model.report().accuracy()).as(learner.describe()).isGreaterThan(0.72);
        }
        assertThat(bars.size()).isEqualTo(1500);
    }

    private record Recount(int scored, int hits) { }

    /** Scores each prediction with a value against the close {@code h} bars later. */
    private static Recount recount(WalkForwardModel model, double[] closes, int h) {
        int scored = 0, hits = 0;
        for (int p = 0; p + h < closes.length; p++) {
            double prob = model.value(p);
            if (Double.isNaN(prob)) continue;
            scored++;
            if ((prob > 0.5) == (closes[p + h] > closes[p])) hits++;
        }
        return new Recount(scored, hits);
    }
}
