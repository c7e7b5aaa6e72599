package io.tradeshell.engine.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tradeshell.engine.metrics.ReturnMoments;
import io.tradeshell.engine.metrics.SharpeStatistics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The deflated Sharpe ratio counts one set of trials for both N and the variance of their Sharpe ratios. */
class SelectionCheckTest {
    private static SweepRow row(long id, double... returns) {
        return new SweepRow(id, Map.of("id", id), Optimizer.noBars(100), ReturnMoments.of(returns));
    }

    @Test
    void aTrialThatNeverTradedCountsInTheVarianceWithASharpeOfZero() {
        SweepRow a = row(0, 0.01, 0.03, -0.01, 0.01);   // mean 0.01, sample stdev sqrt(0.0008/3)
        SweepRow b = row(1, 0.02, -0.02, 0.02, -0.02);  // mean 0, Sharpe 0
        SweepRow flat = row(2, 0, 0, 0, 0);             // never traded: no spread, no Sharpe ratio of its own
        double sa = 0.01 / Math.sqrt(0.0008 / 3);
        // three trials with Sharpe ratios sa, 0 and 0: mean sa/3, sample variance ((2sa/3)^2 + 2 (sa/3)^2) / 2 = sa^2 / 3
        assertThat(SelectionCheck.varianceOfSharpes(List.of(a, b, flat))).isCloseTo(sa * sa / 3, within(1e-12));
        SelectionCheck c = SelectionCheck.of(List.of(a, b, flat), a, 3, 0);
        assertThat(c.trials()).isEqualTo(3);
        assertThat(c.expectedMaxSharpe()).isEqualTo(SharpeStatistics.expectedMaxSharpe(3, c.varianceOfTrialSharpes()));
    }

    @Test
    void filteringASweepKeepsTheTrialsAndTheirVariance() {
        SweepRow a = row(0, 0.01, 0.03, -0.01, 0.01), b = row(1, 0.02, -0.02, 0.02, -0.02), flat = row(2, 0, 0, 0, 0);
        SweepResult all = new SweepResult("s", null, null, Objective.parse("totalReturn"), List.of(a, b, flat), 3, 3, 0, 1, 0, false, 0,
                Optional.empty());
        SweepResult some = all.filter(r -> r.id() != 1);
        assertThat(some.rows()).hasSize(2);
        assertThat(some.selection().orElseThrow().trials()).isEqualTo(3);
        assertThat(some.selection().orElseThrow().varianceOfTrialSharpes()).isEqualTo(all.selection().orElseThrow().varianceOfTrialSharpes());
    }
}
