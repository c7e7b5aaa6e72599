package io.tradeshell.shell.cli;

import io.tradeshell.dsl.CompiledScript;
import io.tradeshell.dsl.StrategyCompiler;
import io.tradeshell.engine.data.LoadOptions;
import io.tradeshell.engine.data.MarketData;
import io.tradeshell.engine.data.SyntheticBars;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.indicators.SmaIndicator;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.optimize.CombinationPlan;
import io.tradeshell.engine.optimize.OptimizeRequest;
import io.tradeshell.engine.optimize.Optimizer;
import io.tradeshell.engine.optimize.ParamSpace;
import io.tradeshell.engine.optimize.SweepListener;
import io.tradeshell.engine.optimize.SweepResult;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.shell.app.SweepSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How fast a sweep runs: the SMA crossover over synthetic minute bars with a fast x slow grid,
 * in one pass on 1 thread and on more, against the per-combination path (each combination its
 * own backtest, on one thread) and the same combinations run as separate backtests one after
 * another, plus the share of a run spent computing its two moving averages (what an indicator
 * cache shared across combinations could at most save). Best of several rounds after a warm-up.
 */
final class SweepBenchmark {
    /**
     * @param separateSeconds the combinations as separate in-memory backtests, one after another
     * @param loadSeconds     reading the bars from their CSV file once
     * @param compileSeconds  compiling the script once
     */
    /**
     * @param combinationsPerSecond        the one-pass sweep on each thread count, best round
     * @param medianPerSecond              the same, median round
     * @param perCombinationPerSecond      each combination as its own backtest, one thread, best round
     * @param perCombinationMedianPerSecond the same, median round
     */
    record Result(int bars, int combinations, List<Integer> threads, List<Double> combinationsPerSecond, List<Double> medianPerSecond,
                  double perCombinationPerSecond, double perCombinationMedianPerSecond,
                  double separateSeconds, double indicatorSeconds, double sweepSecondsOneThread,
                  double loadSeconds, double compileSeconds, double onePassCpuMedianPerSecond, double perCombinationCpuMedianPerSecond,
                  double pairedCpuGain) {
        /** The one-pass and per-combination medians on processor time of the thread that ran them: what a busy machine distorts least. */
        double cpuGain() { return onePassCpuMedianPerSecond / perCombinationCpuMedianPerSecond; }
        /** How many times the per-combination path's median the one-pass median is, on one thread. */
        double onePassGain() { return medianPerSecond.get(0) / perCombinationMedianPerSecond; }
        double speedUp(int k) { return combinationsPerSecond.get(k) / combinationsPerSecond.get(0); }
        double indicatorShare() { return indicatorSeconds / sweepSecondsOneThread; }
        /** Separate runs as the command line makes them: each loads the data and compiles the script too. */
        double separateRunsSeconds() { return separateSeconds + combinations * (loadSeconds + compileSeconds); }
    }

    private final CompiledScript script;
    private final Path scriptPath;

    SweepBenchmark(CompiledScript script, Path scriptPath) {
        this.script = script;
        this.scriptPath = scriptPath;
    }

    Result run(int bars, int grid, List<Integer> threads, int rounds) {
        BarSeries series = SyntheticBars.generate(42, bars, Duration.ofMinutes(1), Instant.parse("2020-01-01T00:00:00Z"), 100, 0.05, 0.2);
        RunSpec base = new RunSpec("strategies/sma_crossover.groovy", script.withParams(Map.of()), List.of(new DataInput(series, "synthetic", "")),
                new ExecutionSettings(FillTiming.NEXT_OPEN, new CommissionModel.PercentOfNotional(0), Slippage.NONE, 0, 0, 0, 1),
                100_000, RiskLimits.none(), 1);
        ParamSpace space = ParamSpace.parse(List.of("fast=5.." + (5 * grid) + ":5", "slow=20.." + (20 * grid) + ":20"));
        OptimizeRequest request = OptimizeRequest.of(base, SweepSetup.binder(script, scriptPath), space);
        CombinationPlan plan = Optimizer.plan(request);

        if (!Optimizer.path(request, plan).equals(Optimizer.ONE_PASS)) throw new IllegalStateException(Optimizer.path(request, plan));
        // warm-up, and the check that both paths give the same rows
        SweepResult reference = Optimizer.runPerCombination(request.withThreads(1), plan, SweepListener.NONE);
        if (!Optimizer.run(request.withThreads(threads.get(threads.size() - 1)), plan, SweepListener.NONE).rows().equals(reference.rows())) {
            throw new IllegalStateException("the one-pass sweep and the per-combination sweep differ");
        }
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Double> perSecond = new ArrayList<>(), median = new ArrayList<>();
        double oneThreadSeconds = Double.NaN;
        long[] onePassCpu = new long[rounds];
        long[] alone = new long[rounds], aloneCpu = new long[rounds];
        for (int t : threads) {
            long[] times = new long[rounds];
            for (int round = 0; round < rounds; round++) {
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                SweepResult r = Optimizer.run(request.withThreads(t), plan, SweepListener.NONE);
                times[round] = System.nanoTime() - t0;
                if (t == 1) onePassCpu[round] = mx.getCurrentThreadCpuTime() - c0;
                if (r.rows().size() != plan.size() || r.rows().get(0).returns().count() != bars) throw new IllegalStateException("sweep lost rows or bars");
                if (t != 1) continue;
                // the per-combination round right after the one-pass round, so both meet the same load
                c0 = mx.getCurrentThreadCpuTime();
                t0 = System.nanoTime();
                Optimizer.runPerCombination(request.withThreads(1), plan, SweepListener.NONE);
                alone[round] = System.nanoTime() - t0;
                aloneCpu[round] = mx.getCurrentThreadCpuTime() - c0;
            }
            perSecond.add(plan.size() * 1e9 / best(times));
            median.add(plan.size() * 1e9 / median(times));
            if (t == 1) oneThreadSeconds = best(times) / 1e9;
        }

        long separate = Long.MAX_VALUE, indicators = Long.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            long sum = 0;
            for (int k = 0; k < plan.size(); k++) {
                long t0 = System.nanoTime();
                Backtest.run(base.withStrategy(script.withParams(plan.params(k))));
                sum += System.nanoTime() - t0;
            }
            separate = Math.min(separate, sum);
            long t0 = System.nanoTime();
            double sink = 0;
            for (int k = 0; k < plan.size(); k++) {
                var close = new PriceIndicator(series, PriceIndicator.Column.CLOSE);
                sink += new SmaIndicator(close, (Integer) plan.params(k).get("fast")).value(bars - 1);
                sink += new SmaIndicator(close, (Integer) plan.params(k).get("slow")).value(bars - 1);
            }
            indicators = Math.min(indicators, System.nanoTime() - t0);
            if (Double.isNaN(sink)) throw new IllegalStateException();
        }
        long load = Long.MAX_VALUE, compile = Long.MAX_VALUE;
        try {
            Path csv = Files.createTempFile("sweep-bench", ".csv");
            try {
                SyntheticBars.writeCsv(series, csv);
                for (int round = 0; round < rounds; round++) {
                    long t0 = System.nanoTime();
                    MarketData.load(csv, LoadOptions.defaults());
                    long t1 = System.nanoTime();
                    new StrategyCompiler().compile(scriptPath);
                    long t2 = System.nanoTime();
                    load = Math.min(load, t1 - t0);
                    compile = Math.min(compile, t2 - t1);
                }
            } finally {
                Files.deleteIfExists(csv);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(bars, plan.size(), threads, perSecond, median, plan.size() * 1e9 / best(alone), plan.size() * 1e9 / median(alone),
                separate / 1e9, indicators / 1e9, oneThreadSeconds, load / 1e9, compile / 1e9,
                plan.size() * 1e9 / median(onePassCpu), plan.size() * 1e9 / median(aloneCpu), pairedGain(aloneCpu, onePassCpu));
    }

    /** The median over rounds of each round's per-combination time over its one-pass time: each ratio taken under one load. */
    private static double pairedGain(long[] alone, long[] onePass) {
        long[] permille = new long[alone.length];
        for (int round = 0; round < alone.length; round++) permille[round] = Math.round(1000.0 * alone[round] / onePass[round]);
        return median(permille) / 1000;
    }

    private static long best(long[] times) {
        return java.util.Arrays.stream(times).min().orElseThrow();
    }

    private static double median(long[] times) {
        long[] sorted = times.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
