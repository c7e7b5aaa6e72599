package io.tradeshell.engine.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tradeshell.engine.metrics.EquityCurve;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.trade.ClosedTrade;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalkForwardTest {
    private static final BarSeries BARS = SmaCross.dailyBars(3, 730);

    @TempDir
    Path tmp;

    private static WalkForwardRequest request(SmaCross binder, boolean anchored) {
        OptimizeRequest sweep = OptimizeRequest.of(SmaCross.spec(BARS, binder.bind(Map.of())), binder,
                ParamSpace.parse(List.of("fast=5..15:5", "slow=20..40:10"))).withThreads(2);
        return new WalkForwardRequest(sweep, CalendarPeriod.parse("6m"), CalendarPeriod.parse("2m"), anchored);
    }

    /** The bars opening in [from, to), copied one by one: a second slicing, independent of the engine's. */
    private static BarSeries bars(long from, long to) {
        BarSeries out = new BarSeries(BARS.symbol(), Duration.ofDays(1), BARS.priceScale(), 16);
        for (int i = 0; i < BARS.size(); i++) if (BARS.openTime(i) >= from && BARS.openTime(i) < to) out.appendFrom(BARS, i);
        return out;
    }

    private static RunResult run(BarSeries bars, int fast, int slow) {
        return Backtest.run(SmaCross.spec(bars, new SmaCross().factory(fast, slow, 10, Map.of())));
    }

    @Test
    void eachWindowTradesTheBestOfItsTrainingSweepOnlyInsideItsTestWindow() {
        WalkForwardResult r = WalkForward.run(request(new SmaCross(), false));
        assertThat(r.windows()).hasSize(9); // Jul 2020 .. Dec 2021 in two-month steps
        for (WindowResult w : r.windows()) {
            WalkForwardWindow x = w.window();
            // the training sweep's choice, recomputed from separate backtests on the training bars
            BarSeries train = bars(x.trainFrom(), x.trainTo());
            double best = Double.NEGATIVE_INFINITY;
            int bestFast = 0, bestSlow = 0;
            for (int fast = 5; fast <= 15; fast += 5) {
                for (int slow = 20; slow <= 40; slow += 10) {
                    double s = run(train, fast, slow).metrics().sharpe();
                    if (s > best) {
                        best = s;
                        bestFast = fast;
                        bestSlow = slow;
                    }
                }
            }
            assertThat(w.params()).containsEntry("fast", bestFast).containsEntry("slow", bestSlow);
            assertThat(w.inSample()).isEqualTo(run(train, bestFast, bestSlow).metrics());
            assertThat(w.inSampleObjective()).isEqualTo(best);

            // out of sample: the same params over training + test bars, without the gate, trade the same
            // from the first signal inside the test window (a fixed size makes the runs fall into step)
            RunResult ungated = run(bars(x.trainFrom(), x.testTo()), bestFast, bestSlow);
            List<ClosedTrade> expected = ungated.trades().stream().filter(t -> t.entryTime().toEpochMilli() > x.testFrom()).toList();
            List<ClosedTrade> actual = r.trades().stream().filter(t -> t.entryTime().toEpochMilli() >= x.testFrom()
                    && t.entryTime().toEpochMilli() < x.testTo()).toList();
            assertThat(actual).isEqualTo(expected);
            for (ClosedTrade t : actual) assertThat(t.exitTime().toEpochMilli()).isLessThan(x.testTo());
            assertThat(w.testBars()).isEqualTo(bars(x.testFrom(), x.testTo()).size());
            if (w.inSampleObjective() > 0 && Double.isFinite(w.outOfSampleObjective())) {
                assertThat(w.efficiency()).isEqualTo(w.outOfSampleObjective() / w.inSampleObjective());
            } else {
                assertThat(w.efficiency()).isNaN(); // over a non-positive in-sample figure the ratio says nothing
            }
        }
        assertThat(r.trades()).isNotEmpty();
    }

    @Test
    void theStitchedCurveCompoundsTheTestWindowsAndCoversOnlyThem() {
        WalkForwardResult r = WalkForward.run(request(new SmaCross(), false));
        EquityCurve c = r.stitched();
        WalkForwardWindow first = r.windows().get(0).window(), last = r.windows().get(r.windows().size() - 1).window();
        assertThat(c.time()[0]).isEqualTo(first.testFrom());
        assertThat(c.time()[c.size() - 1]).isEqualTo(BARS.openTime(BARS.lastIndex()));
        assertThat(c.size()).isEqualTo(bars(first.testFrom(), last.testTo()).size());
        double level = 100_000;
        for (WindowResult w : r.windows()) level *= 1 + w.outOfSample().totalReturn();
        assertThat(c.equity()[c.size() - 1]).isCloseTo(level, within(1e-6));
        assertThat(r.metrics().totalReturn()).isCloseTo(level / 100_000 - 1, within(1e-12));
        double meanIs = r.windows().stream().mapToDouble(WindowResult::inSampleObjective).average().orElseThrow();
        assertThat(meanIs).isPositive();
        assertThat(r.efficiency()).isEqualTo(r.metrics().sharpe() / meanIs);
        assertThat(r.boundaries()).hasSize(r.windows().size());
    }

    @Test
    void anchoredWindowsTrainOnEverythingBeforeTheirTest() {
        WalkForwardResult r = WalkForward.run(request(new SmaCross(), true));
        for (WindowResult w : r.windows()) {
            assertThat(w.window().trainFrom()).isEqualTo(BARS.openTime(0));
            assertThat(w.trainBars()).isEqualTo(bars(BARS.openTime(0), w.window().testFrom()).size());
        }
    }

    @Test
    void theWalkWritesWindowsEquitySummaryAndOneSweepPerWindow() throws IOException {
        WalkForwardRequest q = request(new SmaCross(), false);
        WalkForwardResult r = WalkForward.run(new WalkForwardRequest(q.sweep().withOut(tmp), q.train(), q.test(), q.anchored()));
        assertThat(Files.readAllLines(tmp.resolve("windows.jsonl"))).hasSize(r.windows().size());
        assertThat(Files.readAllLines(tmp.resolve("equity.jsonl"))).hasSize(r.stitched().size());
        assertThat(Files.readString(tmp.resolve("walkforward.json"))).contains("\"efficiency\"").contains("\"boundaries\"");
        assertThat(Files.readAllLines(tmp.resolve("window-001").resolve(SweepJournal.ROWS))).hasSize(9);
        assertThat(Files.readAllLines(tmp.resolve("window-009").resolve(SweepJournal.ROWS))).hasSize(9);
        assertThatThrownBy(() -> WalkForward.run(new WalkForwardRequest(q.sweep().withOut(tmp), q.train(), q.test(), q.anchored())))
                .hasMessageContaining("already holds a walk-forward");
        // resumed: every window's sweep is read back, nothing is optimised again
        SmaCross counting = new SmaCross();
        WalkForwardRequest again = request(counting, false);
        WalkForwardResult resumed = WalkForward.run(new WalkForwardRequest(again.sweep().withOut(tmp).withResume(true), again.train(), again.test(), false));
        assertThat(counting.created.get()).isEqualTo(r.windows().size()); // only the out-of-sample runs
        assertThat(resumed.metrics()).isEqualTo(r.metrics());
        // a result saved elsewhere (the console's save) writes the same files
        resumed.save(tmp.resolve("saved"));
        for (String f : List.of("windows.jsonl", "equity.jsonl", "walkforward.json")) {
            assertThat(Files.readAllBytes(tmp.resolve("saved").resolve(f))).as(f).isEqualTo(Files.readAllBytes(tmp.resolve(f)));
        }
    }

    @Test
    void windowsTooLongForTheDataFailBeforeAnyWork() {
        SmaCross binder = new SmaCross();
        WalkForwardRequest q = request(binder, false);
        assertThatThrownBy(() -> WalkForward.run(new WalkForwardRequest(q.sweep(), CalendarPeriod.parse("3y"), q.test(), false)))
                .hasMessageContaining("too short for a 3y training window");
        assertThat(binder.created.get()).isZero();
    }
}
