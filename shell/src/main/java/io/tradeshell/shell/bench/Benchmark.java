package io.tradeshell.shell.bench;

import io.tradeshell.dsl.CompiledScript;
import io.tradeshell.engine.data.SyntheticBars;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.indicators.Ta4jBars;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * The SMA crossover over the same synthetic minute bars three ways in one process: the shipped
 * script through the engine, plain ta4j, and a primitive loop. Each is run several times and the
 * best time is kept, after a warm-up round, so the JIT has compiled all three equally.
 */
public final class Benchmark {
    /** A timed round: bars per second of the wall clock, and {@code cpuNanos}, the processor time of the timing thread (-1 where not measured). */
    public record Timing(double barsPerSecond, int trades, long nanos, long cpuNanos) {
        public Timing(double barsPerSecond, int trades, long nanos) {
            this(barsPerSecond, trades, nanos, -1);
        }
    }

    public record Result(int bars, Timing scripted, Timing ta4j, Timing primitive) {
        public double scriptedOverTa4j() { return scripted.barsPerSecond / ta4j.barsPerSecond; }
        public double primitiveOverScripted() { return primitive.barsPerSecond / scripted.barsPerSecond; }
    }

    private final CompiledScript script;
    private final int fast = 10, slow = 30;

    public Benchmark(CompiledScript script) {
        this.script = script;
    }

    public Result run(int bars, int rounds) {
        BarSeries series = SyntheticBars.generate(42, bars, Duration.ofMinutes(1), Instant.parse("2020-01-01T00:00:00Z"), 100, 0.05, 0.2);
        var ta4jSeries = Ta4jBars.copyOf(series, DoubleNumFactory.getInstance());
        double[] close = new double[bars], open = new double[bars];
        for (int i = 0; i < bars; i++) {
            close[i] = series.close(i);
            open[i] = series.open(i);
        }
        RunSpec spec = new RunSpec("strategies/sma_crossover.groovy", script.withParams(Map.of("fast", fast, "slow", slow, "qty", 10)),
                java.util.List.of(new DataInput(series, "synthetic", "")),
                new ExecutionSettings(FillTiming.NEXT_OPEN, new CommissionModel.PercentOfNotional(0), Slippage.NONE, 0, 0, 0, 1),
                100_000, RiskLimits.none(), 1);
        Timing scripted = null, ta4j = null, primitive = null;
        for (int round = 0; round <= rounds; round++) {
            Timing s = time(bars, () -> Backtest.run(spec).trades().size());
            Timing t = time(bars, () -> {
                var closes = new ClosePriceIndicator(ta4jSeries);
                var f = new SMAIndicator(closes, fast);
                var sl = new SMAIndicator(closes, slow);
                var strategy = new BaseStrategy(new CrossedUpIndicatorRule(f, sl), new CrossedDownIndicatorRule(f, sl), slow - 1);
                return new BarSeriesManager(ta4jSeries, new TradeOnNextOpenModel()).run(strategy).getPositionCount();
            });
            Timing p = time(bars, () -> PrimitiveSmaCrossover.run(close, open, fast, slow, 100));
            if (round == 0) continue; // warm-up
            scripted = best(scripted, s);
            ta4j = best(ta4j, t);
            primitive = best(primitive, p);
        }
        return new Result(bars, scripted, ta4j, primitive);
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    static Timing time(int bars, java.util.function.IntSupplier work) {
        boolean cpu = THREADS.isCurrentThreadCpuTimeSupported();
        long c0 = cpu ? THREADS.getCurrentThreadCpuTime() : 0;
        long t0 = System.nanoTime();
        int trades = work.getAsInt();
        long nanos = Math.max(1, System.nanoTime() - t0);
        long cpuNanos = cpu ? Math.max(1, THREADS.getCurrentThreadCpuTime() - c0) : -1;
        return new Timing(bars * 1e9 / nanos, trades, nanos, cpuNanos);
    }

    /**
     * The round of median processor time (by wall time where that is not measured), its bars per
     * second counted on that processor time: on a shared machine the wall clock also counts the
     * time other work held the processor.
     */
    static Timing median(java.util.List<Timing> rounds, int bars) {
        java.util.List<Timing> sorted = new java.util.ArrayList<>(rounds);
        sorted.sort(java.util.Comparator.comparingLong(t -> t.cpuNanos() > 0 ? t.cpuNanos() : t.nanos()));
        Timing m = sorted.get(sorted.size() / 2);
        long n = m.cpuNanos() > 0 ? m.cpuNanos() : m.nanos();
        return new Timing(bars * 1e9 / n, m.trades(), m.nanos(), m.cpuNanos());
    }

    static Timing best(Timing a, Timing b) {
        return a == null || b.nanos < a.nanos ? b : a;
    }
}
