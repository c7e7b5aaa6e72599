package io.tradeshell.engine.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.metrics.ReturnMoments;
import io.tradeshell.engine.metrics.RunMetrics;
import io.tradeshell.engine.metrics.SharpeStatistics;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.strategy.StrategyFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizerTest {
    private static final BarSeries BARS = SmaCross.dailyBars(11, 700);

    @TempDir
    Path tmp;

    private static OptimizeRequest request(SmaCross binder, String... params) {
        RunSpec base = SmaCross.spec(BARS, binder.bind(Map.of()));
        return OptimizeRequest.of(base, binder, ParamSpace.parse(List.of(params))).withThreads(2).withMinTrades(5);
    }

    private static RunResult single(int fast, int slow) {
        SmaCross separate = new SmaCross();
        return Backtest.run(SmaCross.spec(BARS, separate.factory(fast, slow, 10, Map.of("fast", fast, "slow", slow, "qty", 10))));
    }

    @Test
    void everyRowAndTheBestMatchSeparateBacktestsOfTheSameParams() {
        SweepResult result = Optimizer.run(request(new SmaCross(), "fast=5..15:5", "slow=20..40:10"));
        assertThat(result.rows()).hasSize(9);
        int bestFast = -1, bestSlow = -1;
        double bestSharpe = Double.NEGATIVE_INFINITY;
        int k = 0;
        for (int fast = 5; fast <= 15; fast += 5) {
            for (int slow = 20; slow <= 40; slow += 10) {
                RunResult alone = single(fast, slow);
                SweepRow row = result.rows().get(k++);
                assertThat(row.params()).isEqualTo(Map.of("fast", fast, "slow", slow, "qty", 10));
                assertThat(row.metrics()).isEqualTo(alone.metrics());
                assertThat(row.returns()).isEqualTo(ReturnMoments.of(alone.curve().returns(100_000)));
                if (alone.metrics().sharpe() > bestSharpe) {
                    bestSharpe = alone.metrics().sharpe();
                    bestFast = fast;
                    bestSlow = slow;
                }
            }
        }
        SweepRow best = result.best().orElseThrow();
        assertThat(best.params()).containsEntry("fast", bestFast).containsEntry("slow", bestSlow);
        assertThat(best.metrics()).isEqualTo(single(bestFast, bestSlow).metrics());
        assertThat(result.ranked().get(0)).isEqualTo(best);
        assertThat(best.metrics().trades()).isGreaterThan(0);
    }

    @Test
    void theBestCarriesItsProbabilisticAndDeflatedSharpeForEveryTrial() {
        SweepResult result = Optimizer.run(request(new SmaCross(), "fast=5..15:5", "slow=20..40:10"));
        SelectionCheck check = result.selection().orElseThrow();
        SweepRow best = result.best().orElseThrow();
        double[] returns = single((Integer) best.param("fast"), (Integer) best.param("slow")).curve().returns(100_000);
        ReturnMoments m = ReturnMoments.of(returns);
        // variance of the nine per-bar Sharpe ratios, two passes
        List<Double> sharpes = new ArrayList<>();
        for (int fast = 5; fast <= 15; fast += 5) {
            for (int slow = 20; slow <= 40; slow += 10) sharpes.add(ReturnMoments.of(single(fast, slow).curve().returns(100_000)).sharpe());
        }
        double mean = sharpes.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double variance = sharpes.stream().mapToDouble(s -> (s - mean) * (s - mean)).sum() / (sharpes.size() - 1);
        assertThat(check.trials()).isEqualTo(9);
        assertThat(check.returns()).isEqualTo(700);
        assertThat(check.sharpePerBar()).isEqualTo(m.mean() / m.stdev());
        assertThat(check.varianceOfTrialSharpes()).isCloseTo(variance, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(check.probabilisticSharpe()).isEqualTo(SharpeStatistics.probabilisticSharpe(m.sharpe(), 0, 700, m.skewness(), m.kurtosis()));
        assertThat(check.deflatedSharpe()).isCloseTo(SharpeStatistics.deflatedSharpe(m.sharpe(), 700, m.skewness(), m.kurtosis(), 9, variance),
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(check.deflatedSharpe()).isLessThan(check.probabilisticSharpe());
    }

    @Test
    void aResultOnTooFewTradesIsFlagged() {
        SweepResult result = Optimizer.run(request(new SmaCross(), "fast=5", "slow=20").withMinTrades(1000));
        int trades = result.best().orElseThrow().metrics().trades();
        assertThat(result.selection().orElseThrow().warnings())
                .contains("the best combination rests on " + trades + " trades (fewer than 1000): its figures say little");
    }

    @Test
    void parallelAndSequentialSweepsWriteIdenticalFiles() throws IOException {
        OptimizeRequest r = request(new SmaCross(), "fast=3..21:3", "slow=10..50:10").withConstraint(Constraint.parse("fast < slow"));
        SweepResult one = Optimizer.run(r.withThreads(1).withOut(tmp.resolve("one")));
        SweepResult three = Optimizer.run(r.withThreads(3).withOut(tmp.resolve("three")));
        assertThat(one.rows()).isEqualTo(three.rows());
        for (String f : List.of(SweepJournal.ROWS, SweepJournal.DEFINITION, SweepJournal.BEST)) {
            assertThat(Files.readAllBytes(tmp.resolve("three").resolve(f))).as(f).isEqualTo(Files.readAllBytes(tmp.resolve("one").resolve(f)));
        }
        assertThat(Files.readAllLines(tmp.resolve("one").resolve(SweepJournal.ROWS))).hasSize(one.planned());
    }

    @Test
    void aResumedSweepSkipsFinishedRowsDropsACutLineAndEndsWithTheSameFile() throws IOException {
        OptimizeRequest r = request(new SmaCross(), "fast=5..20:5", "slow=20..50:10");
        Optimizer.run(r.withOut(tmp.resolve("whole")));
        byte[] whole = Files.readAllBytes(tmp.resolve("whole").resolve(SweepJournal.ROWS));

        Path dir = tmp.resolve("crashed");
        Optimizer.run(r.withOut(dir));
        Path rows = dir.resolve(SweepJournal.ROWS);
        List<String> lines = Files.readAllLines(rows);
        // as if killed while writing the sixth line
        Files.writeString(rows, String.join("\n", lines.subList(0, 5)) + "\n" + lines.get(5).substring(0, 40), StandardCharsets.UTF_8);

        SmaCross counting = new SmaCross();
        SweepResult resumed = Optimizer.run(request(counting, "fast=5..20:5", "slow=20..50:10").withOut(dir).withResume(true));
        assertThat(resumed.resumed()).isEqualTo(5);
        assertThat(resumed.rows()).hasSize(16);
        assertThat(counting.created.get()).isEqualTo(16 - 5 + 1); // and one made to choose the one-pass path
        assertThat(Files.readAllBytes(rows)).isEqualTo(whole);
    }

    @Test
    void aDirectoryWithASweepIsNotOverwrittenAndResumeRefusesADifferentSweep() {
        OptimizeRequest r = request(new SmaCross(), "fast=5..10:5", "slow=20");
        Optimizer.run(r.withOut(tmp));
        assertThatThrownBy(() -> Optimizer.run(r.withOut(tmp))).hasMessageContaining("already holds a sweep").hasMessageContaining("--resume");
        OptimizeRequest other = request(new SmaCross(), "fast=5..15:5", "slow=20");
        assertThatThrownBy(() -> Optimizer.run(other.withOut(tmp).withResume(true)))
                .hasMessageContaining("holds a different sweep (params, gridSize, combinations changed)");
        // the same sweep by another objective only re-ranks what is there
        SmaCross counting = new SmaCross();
        SweepResult again = Optimizer.run(request(counting, "fast=5..10:5", "slow=20").withOut(tmp).withResume(true)
                .withObjective(Objective.parse("totalReturn")));
        assertThat(counting.created.get()).isZero();
        assertThat(again.rows()).hasSize(2);
    }

    @Test
    void badInputFailsBeforeAnyBacktestRuns() {
        SmaCross binder = new SmaCross();
        assertThatThrownBy(() -> Optimizer.run(request(binder, "fats=5..10")))
                .hasMessage("unknown param 'fats' (SmaCross has: fast, slow, qty)");
        assertThatThrownBy(() -> Optimizer.run(request(binder, "fast=0..10:5")))
                .hasMessageContaining("param 'fast' expects a whole number >= 1, got 0");
        assertThatThrownBy(() -> Optimizer.run(request(binder, "fast=30..40", "slow=10..20").withConstraint(Constraint.parse("fast < slow"))))
                .hasMessageContaining("excludes every one of the 121 combinations");
        assertThatThrownBy(() -> Optimizer.run(request(binder, "fast=5").withConstraint(Constraint.parse("fast < slwo"))))
                .hasMessageContaining("unknown param 'slwo'");
        assertThatThrownBy(() -> request(binder, "fast=5").withResume(true)).hasMessageContaining("--resume needs --out");
        assertThat(binder.created.get()).isZero();
        assertThat(tmp.toFile().list()).isEmpty();
    }

    @Test
    void valuesAreCheckedInCombinationsThatRunNotBesideTheDefaults() {
        // a script that refuses slow <= fast: slow=8 is refused beside the default fast=10, never in the plan
        SmaCross strict = new SmaCross() {
            @Override
            public StrategyFactory bind(Map<String, Object> overrides) {
                StrategyFactory f = super.bind(overrides);
                if ((Integer) f.params().get("slow") <= (Integer) f.params().get("fast")) throw new IllegalArgumentException("slow must exceed fast");
                return f;
            }
        };
        assertThat(Optimizer.run(request(strict, "fast=2..4", "slow=8,20")).rows()).hasSize(6);
        assertThatThrownBy(() -> Optimizer.run(request(strict, "fast=2..9", "slow=8")))
                .hasMessage("slow must exceed fast");
        assertThat(strict.created.get()).isEqualTo(6 + 1); // and one made to choose the one-pass path
    }

    @Test
    void aFailingCombinationStopsTheSweepNamingItsParamsAndKeepsTheRowsBeforeIt() throws IOException {
        SmaCross failing = new SmaCross() {
            @Override
            StrategyFactory factory(int fast, int slow, int qty, Map<String, Object> params) {
                StrategyFactory f = super.factory(fast, slow, qty, params);
                if (fast != 15) return f;
                return new StrategyFactory() {
                    public String name() { return f.name(); }
                    public Map<String, Object> params() { return f.params(); }
                    public io.tradeshell.engine.strategy.Strategy create(io.tradeshell.engine.strategy.TradingContext c) {
                        throw new IllegalStateException("boom");
                    }
                };
            }
        };
        assertThatThrownBy(() -> Optimizer.run(request(failing, "fast=5..20:5", "slow=30").withThreads(1).withOut(tmp)))
                .isInstanceOf(CombinationFailedException.class)
                .hasMessageContaining("fast=15").hasRootCauseMessage("boom");
        assertThat(Files.readAllLines(tmp.resolve(SweepJournal.ROWS))).hasSize(2);
    }

    @Test
    void aStoppedSweepKeepsWhatItFinishedAndResumeCompletesIt() {
        OptimizeRequest r = request(new SmaCross(), "fast=5..20:5", "slow=20..50:10").withThreads(1).withOut(tmp);
        // combination by combination, so that a stop falls between two of them (one pass stops between batches)
        SweepResult stopped = Optimizer.runPerCombination(r, Optimizer.plan(r), new SweepListener() {
            public void onRow(SweepProgress p, SweepRow row) { }
            int polls;
            public boolean stopRequested() { return ++polls > 6; }
        });
        assertThat(stopped.stoppedEarly()).isTrue();
        assertThat(stopped.rows()).hasSize(6);
        SweepResult done = Optimizer.run(r.withResume(true));
        assertThat(done.stoppedEarly()).isFalse();
        assertThat(done.rows()).hasSize(16);
        assertThat(done.resumed()).isEqualTo(6);
    }

    @Test
    void interruptingTheSweepingThreadStopsItWithTheRowsSoFarOnDisk() throws IOException {
        OptimizeRequest r = request(new SmaCross(), "fast=5..20:5", "slow=20..50:10").withThreads(2).withOut(tmp);
        SweepResult stopped;
        try {
            stopped = Optimizer.run(r, (p, row) -> {
                if (p.done() == 3) Thread.currentThread().interrupt();
            });
        } finally {
            Thread.interrupted();
        }
        assertThat(stopped.stoppedEarly()).isTrue();
        // the three before the interrupt, and those of the eight in flight that had finished
        assertThat(stopped.rows().size()).isBetween(3, 3 + 8);
        assertThat(Files.readAllLines(tmp.resolve(SweepJournal.ROWS))).hasSize(stopped.rows().size());
        assertThat(Optimizer.run(r.withResume(true)).rows()).hasSize(16);
    }

    @Test
    void progressIsReportedInPlanOrderWithAnEstimate() {
        List<Long> ids = new ArrayList<>();
        List<Integer> done = new ArrayList<>();
        Optimizer.run(request(new SmaCross(), "fast=5..20:5", "slow=20..50:10").withThreads(3), (p, row) -> {
            ids.add(row.id());
            done.add(p.done());
            assertThat(p.total()).isEqualTo(16);
            assertThat(p.secondsLeft()).isGreaterThanOrEqualTo(0);
        });
        assertThat(ids).isSorted().hasSize(16);
        assertThat(done).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
    }

    @Test
    void theHeatmapHoldsTheBestOverTheOtherParamsPerCell() {
        SweepResult r = Optimizer.run(request(new SmaCross(), "fast=5,10", "slow=20,30", "qty=1,10"));
        Heatmap h = r.heatmap("fast", "slow");
        assertThat(h.xs()).containsExactly(5, 10);
        assertThat(h.ys()).containsExactly(20, 30);
        for (int xi = 0; xi < 2; xi++) {
            for (int yi = 0; yi < 2; yi++) {
                int fast = (Integer) h.xs().get(xi), slow = (Integer) h.ys().get(yi);
                double expected = Math.max(sharpe(r, fast, slow, 1), sharpe(r, fast, slow, 10));
                assertThat(h.at(xi, yi)).isEqualTo(expected);
            }
        }
        ParamLine line = r.line("fast");
        for (int xi = 0; xi < 2; xi++) {
            int fast = (Integer) line.xs().get(xi);
            double expected = Math.max(Math.max(sharpe(r, fast, 20, 1), sharpe(r, fast, 20, 10)), Math.max(sharpe(r, fast, 30, 1), sharpe(r, fast, 30, 10)));
            assertThat(line.values()[xi]).isEqualTo(expected);
        }
        assertThatThrownBy(() -> r.heatmap("fast", "stop")).hasMessageContaining("'stop' is not a swept param");
    }

    private static double sharpe(SweepResult r, int fast, int slow, int qty) {
        return r.rows().stream().filter(x -> x.params().equals(Map.of("fast", fast, "slow", slow, "qty", qty)))
                .findFirst().orElseThrow().metrics().sharpe();
    }

    @Test
    void aFilterKeepsTheNumberOfTrialsForTheDeflatedSharpe() {
        SweepResult r = Optimizer.run(request(new SmaCross(), "fast=5..20:5", "slow=20..50:10"));
        SweepResult few = r.filter(row -> row.metrics().trades() >= 0 && (Integer) row.param("fast") == 5);
        assertThat(few.rows()).hasSize(4);
        assertThat(few.trials()).isEqualTo(16);
        assertThat(few.selection().orElseThrow().trials()).isEqualTo(16);
        SweepResult byReturn = r.rankedBy(Objective.parse("totalReturn"));
        RunMetrics top = byReturn.best().orElseThrow().metrics();
        for (SweepRow row : r.rows()) assertThat(top.totalReturn()).isGreaterThanOrEqualTo(row.metrics().totalReturn());
    }

    @Test
    void tenThousandCombinationsRunWithoutKeepingRunsInMemory() throws IOException {
        BarSeries small = SmaCross.dailyBars(5, 60);
        SmaCross binder = new SmaCross();
        OptimizeRequest r = OptimizeRequest.of(SmaCross.spec(small, binder.bind(Map.of())), binder,
                ParamSpace.parse(List.of("fast=1..100", "slow=1..100"))).withThreads(2).withOut(tmp);
        SweepResult result = Optimizer.run(r);
        assertThat(result.rows()).hasSize(10_000);
        assertThat(binder.created.get()).isEqualTo(10_000 + 1); // and one made to choose the one-pass path
        try (var lines = Files.lines(tmp.resolve(SweepJournal.ROWS))) {
            assertThat(lines.count()).isEqualTo(10_000);
        }
    }
}
