package io.tradeshell.shell.bench;

import io.tradeshell.dsl.CompiledScript;
import io.tradeshell.engine.allocation.RebalancePolicy;
import io.tradeshell.engine.data.SyntheticBars;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A monthly top-N rotation over a synthetic universe of daily bars, two ways in one process:
 * the shipped sector rotation script through the engine's portfolio section and allocator, and
 * {@link PrimitiveRotation}, a plain loop doing the same ranking and fills, alternating round by
 * round after a warm-up. Each way's figure is its median round by the processor time of the
 * thread (see {@link Benchmark#median}), so the ratio of the two is taken in one run.
 */
public final class PortfolioBenchmark {
    public record Result(int symbols, int days, Benchmark.Timing engine, Benchmark.Timing plain) {
        public long bars() { return (long) symbols * days; }
        public double plainOverEngine() { return plain.barsPerSecond() / engine.barsPerSecond(); }
    }

    public static final int LOOKBACK = 126, TOP = 10;
    /** Untimed rounds first, so the JIT has compiled both ways before any is timed. */
    static final int WARM_UP = 3;
    static final double CASH = 1_000_000;

    private final CompiledScript script;

    public PortfolioBenchmark(CompiledScript rotation) {
        this.script = rotation;
    }

    public Result run(int symbols, int days, int rounds) {
        List<DataInput> data = new ArrayList<>(symbols);
        double[][] open = new double[symbols][days], close = new double[symbols][days];
        long[] times = new long[days];
        for (int k = 0; k < symbols; k++) {
            BarSeries generated = SyntheticBars.generate(1000 + k, days, Duration.ofDays(1), Instant.parse("2015-01-01T00:00:00Z"), 50 + k % 100, 0.06, 0.25);
            BarSeries named = new BarSeries("S%03d".formatted(k), generated.period(), generated.priceScale(), days);
            for (int d = 0; d < days; d++) {
                named.appendFrom(generated, d);
                open[k][d] = generated.open(d);
                close[k][d] = generated.close(d);
                times[d] = generated.openTime(d);
            }
            data.add(new DataInput(named, "synthetic", ""));
        }
        ExecutionSettings costs = ExecutionSettings.defaults();
        RunSpec spec = new RunSpec("strategies/sector_rotation.groovy", script.withParams(Map.of("lookback", LOOKBACK, "top", TOP)),
                data, costs, CASH, RiskLimits.none(), 1);
        RebalancePolicy policy = RebalancePolicy.DEFAULT;
        PrimitiveRotation plainLoop = new PrimitiveRotation(open, close, times, LOOKBACK, TOP, 0.001, costs.slippage().bps(),
                policy.cashBuffer(), policy.tolerance());
        int bars = symbols * days;
        List<Benchmark.Timing> engine = new ArrayList<>(), plain = new ArrayList<>();
        for (int round = -WARM_UP; round < rounds; round++) {
            Benchmark.Timing e = Benchmark.time(bars, () -> Backtest.run(spec).fills().size());
            Benchmark.Timing p = Benchmark.time(bars, () -> plainLoop.run(CASH));
            if (round < 0) continue;
            engine.add(e);
            plain.add(p);
        }
        return new Result(symbols, days, Benchmark.median(engine, bars), Benchmark.median(plain, bars));
    }
}
