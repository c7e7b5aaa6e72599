package io.tradeshell.ml;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.learning.Label;
import io.tradeshell.engine.learning.ModelReport;
import io.tradeshell.engine.learning.SavedModels;
import io.tradeshell.engine.learning.Schedule;
import io.tradeshell.engine.learning.Span;
import io.tradeshell.engine.learning.Training;
import io.tradeshell.engine.learning.WalkForwardModel;
import io.tradeshell.engine.model.BarSeries;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The audit catches the classic leak: labels computed over the whole file beforehand and every
 * sample kept (no purge). The same setup with the purge passes, with the embargo it asked for.
 */
class LeakageAuditTest {
    private static final Label FIVE_DAYS_UP = new Label(5, 0, true);

    @Test
    void labelsReadFromTheWholeFileWithoutPurgeAreCaughtAsALeak() {
        double[] closes = Walks.randomWalk(new Random(3), 900);
        BarSeries whole = Walks.series(closes);
        Schedule noPurge = new Schedule(Span.parse("300 bars"), Span.parse("100 bars"), 5, false);
        ModelReport report = replay(closes, whole, noPurge);

        assertThat(report.leaks()).isTrue();
        for (ModelReport.Window w : report.windows()) {
            Training t = w.training();
            // the fit at bar b kept the samples up to b, whose labels end 5 bars after it
            assertThat(t.latestLabelTime()).isEqualTo(t.firstPredictionTime() + 5 * Walks.DAY);
            assertThat(t.leaks()).isTrue();
            assertThat(t.embargoBars()).isEqualTo(-5);
        }
        assertThat(report.asMap()).containsEntry("leak", true);
    }

    @Test
    void theSameSetupWithThePurgeUsesOnlyLabelsKnownAnEmbargoBeforeItPredicts() {
        double[] closes = Walks.randomWalk(new Random(3), 900);
        BarSeries whole = Walks.series(closes);
        Schedule purged = new Schedule(Span.parse("300 bars"), Span.parse("100 bars"), 5);
        ModelReport report = replay(closes, whole, purged);

        assertThat(report.leaks()).isFalse();
        assertThat(report.windows()).hasSize(6); // bars 300, 400 ... 800
        for (ModelReport.Window w : report.windows()) {
            Training t = w.training();
            int bar = t.bar();
            // samples end at bar - 5 (horizon) - 5 (embargo); their last label closes 5 bars before the fit
            assertThat(t.lastSampleTime()).isEqualTo(Walks.START + (bar - 10 + 1) * Walks.DAY);
            assertThat(t.latestLabelTime()).isEqualTo(t.firstPredictionTime() - 5 * Walks.DAY);
            assertThat(t.embargoBars()).isEqualTo(5);
            // the 300 bars up to the fit less the 10 purged and embargoed; the first window also less
            // bars 1..13, where RSI(14) is still NaN
            assertThat(t.samples()).isEqualTo(t.number() == 1 ? 300 - 10 - 13 : 300 - 10);
        }
    }

    /** The model on a series shown bar by bar, as a run shows it, with labels read from {@code labelBars}. */
    private static ModelReport replay(double[] closes, BarSeries labelBars, Schedule schedule) {
        BarSeries shown = BarSeries.revealing(labelBars);
        WalkForwardModel model = Walks.model(shown, TribuoLearner.trees(2), schedule, FIVE_DAYS_UP, SavedModels.NONE, labelBars);
        for (int i = 0; i < closes.length; i++) {
            shown.reveal();
            model.value(i);
        }
        return model.report();
    }
}
