package io.tradeshell.ml;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.learning.Label;
import io.tradeshell.engine.learning.Learner;
import io.tradeshell.engine.learning.WalkForwardModel;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Causality as a property: for generated closes, horizons, schedules and learners, a model over
 * a series that holds every bar from the start (so a wrong index could reach the future) gives
 * the same predictions up to bar k as over a series that differs only after k.
 */
class ModelCausalityTest {
    static IntStream seeds() {
        return IntStream.range(0, 12);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void predictionsUpToKDoNotChangeWhenBarsAfterKDo(int seed) {
        Random rnd = new Random(seed);
        int n = 500, k = 150 + rnd.nextInt(300);
        double[] original = rnd.nextBoolean() ? Walks.randomWalk(rnd, n) : Walks.momentum(rnd, n, 0.7);
        double[] altered = original.clone();
        Random noise = new Random(seed * 31L + 7);
        for (int i = k + 1; i < n; i++) altered[i] = altered[i - 1] * (1 + (noise.nextDouble() - 0.5) * 0.1);
        int horizon = 1 + rnd.nextInt(8);
        var schedule = Walks.schedule((100 + rnd.nextInt(100)) + " bars", (10 + rnd.nextInt(60)) + " bars", rnd.nextInt(horizon + 1));
        Learner learner = switch (rnd.nextInt(4)) {
            case 0 -> TribuoLearner.trees(1 + rnd.nextInt(4));
            case 1 -> TribuoLearner.forest(10, 3);
            case 2 -> TribuoLearner.logistic();
            default -> XgbLearner.boosted(10, 2, 0.3);
        };
        Label label = new Label(horizon, 0, rnd.nextBoolean());
        WalkForwardModel a = Walks.model(Walks.series(original), learner, schedule, label);
        WalkForwardModel b = Walks.model(Walks.series(altered), learner, schedule, label);
        for (int t = 0; t <= k; t++) {
            assertThat(Double.doubleToLongBits(b.value(t))).as("bar %d of %d, %s, %s", t, k, learner.describe(), schedule)
                    .isEqualTo(Double.doubleToLongBits(a.value(t)));
        }
        // the property is not empty: models were trained and predicted before k
        assertThat(a.trainings().stream().filter(tr -> tr.bar() <= k)).isNotEmpty();
    }
}
