package io.tradeshell.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.indicators.RocIndicator;
import io.tradeshell.engine.learning.Label;
import io.tradeshell.engine.learning.ModelFolder;
import io.tradeshell.engine.learning.ModelReport;
import io.tradeshell.engine.learning.Training;
import io.tradeshell.engine.learning.WalkForwardModel;
import io.tradeshell.engine.model.BarSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved model is loaded, checked and used instead of a fit, giving the very same predictions. */
class SavedModelReuseTest {
    private static final Label UP = new Label(2, 0, true);

    @Test
    void aModelLoadedFromARunsFolderPredictsExactlyAsTheFitDid(@TempDir Path run) throws Exception {
        double[] closes = Walks.momentum(new Random(5), 800, 0.7);
        WalkForwardModel fitted = Walks.model(Walks.series(closes), XgbLearner.boosted(20, 3, 0.3), Walks.schedule("200 bars", "150 bars", 2), UP);
        ModelReport report = fitted.report();
        ModelFolder.write(run, report);
        assertThat(run.resolve("models/X/dir/model.json")).exists();
        assertThat(Files.readAllBytes(run.resolve("models/X/dir/001.model"))).isEqualTo(report.windows().get(0).training().bytes());

        WalkForwardModel reused = Walks.model(Walks.series(closes), XgbLearner.boosted(20, 3, 0.3), Walks.schedule("200 bars", "150 bars", 2), UP,
                ModelFolder.open(run), Walks.series(closes));
        for (int i = 0; i < closes.length; i++) {
            assertThat(Double.doubleToLongBits(reused.value(i))).as("bar %d", i).isEqualTo(Double.doubleToLongBits(fitted.value(i)));
        }
        assertThat(reused.trainings()).allMatch(Training::reused).hasSize(report.windows().size());
        assertThat(reused.trainings()).extracting(Training::sha256).isEqualTo(fitted.trainings().stream().map(Training::sha256).toList());
    }

    @Test
    void aTamperedFileOrOtherFeaturesAreRefusedNamingTheFile(@TempDir Path run) throws Exception {
        double[] closes = Walks.randomWalk(new Random(9), 500);
        WalkForwardModel fitted = Walks.model(Walks.series(closes), TribuoLearner.trees(3), Walks.schedule("200 bars", "100 bars", 1), UP);
        ModelFolder.write(run, fitted.report());

        BarSeries bars = Walks.series(closes);
        var close = new PriceIndicator(bars, PriceIndicator.Column.CLOSE);
        WalkForwardModel other = new WalkForwardModel("dir", bars, List.of(new RocIndicator(close, 3)), List.of("roc3"), UP, TribuoLearner.trees(3),
                Walks.schedule("200 bars", "100 bars", 1), ModelFolder.open(run));
        assertThatThrownBy(() -> other.value(499)).hasMessageContaining("was trained on [roc1, roc5, rsi14], this script's features are [roc3]");

        Files.write(run.resolve("models/X/dir/001.model"), new byte[] {1, 2, 3});
        WalkForwardModel tampered = Walks.model(Walks.series(closes), TribuoLearner.trees(3), Walks.schedule("200 bars", "100 bars", 1), UP,
                ModelFolder.open(run), Walks.series(closes));
        assertThatThrownBy(() -> tampered.value(499)).hasMessageContaining("001.model has SHA-256");

        assertThatThrownBy(() -> ModelFolder.open(run.resolve("models/X/dir/none"))).isInstanceOf(IllegalArgumentException.class);
    }
}
