package io.tradeshell.shell.bench;

import io.tradeshell.dsl.CompiledScript;
import io.tradeshell.dsl.StrategyCompiler;
import io.tradeshell.engine.data.SyntheticBars;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the strategy sandbox costs: the same scripts compiled in the sandbox (static, checked)
 * and trusted (dynamic Groovy), run over the same bars in one process, best of several rounds
 * after a warm-up. One script is declared rules only; the other does its work in {@code onBar}.
 */
public final class SandboxBenchmark {
    /** Bars per second of one script compiled both ways. */
    public record Pair(String script, double sandboxed, double trusted) {
        /** Sandboxed time over trusted time: 1.05 means the sandbox costs 5%. */
        public double cost() { return trusted / sandboxed; }
    }

    static final String ON_BAR_HEAVY = """
            title 'onBar-heavy'
            onBar {
                if (index < 20) return
                double sum = 0
                for (int k = 0; k < 20; k++) sum += close[k]
                double mean = sum / 20
                if (flat && bar.close > mean * 1.001) buy(10)
                else if (long && bar.close < mean) sell()
            }
            """;

    public List<Pair> run(Path rulesScript, int bars, int rounds) {
        BarSeries series = SyntheticBars.generate(7, bars, Duration.ofMinutes(1), Instant.parse("2020-01-01T00:00:00Z"), 100, 0.05, 0.2);
        CompiledScript rulesSandboxed = new StrategyCompiler().compile(rulesScript);
        CompiledScript rulesTrusted = StrategyCompiler.trusted().compile(rulesScript);
        CompiledScript heavySandboxed = new StrategyCompiler().compile("on_bar_heavy.groovy", "on_bar_heavy.groovy", ON_BAR_HEAVY);
        CompiledScript heavyTrusted = StrategyCompiler.trusted().compile("on_bar_heavy.groovy", "on_bar_heavy.groovy", ON_BAR_HEAVY);
        return List.of(
                new Pair("declared rules (" + rulesScript.getFileName() + ")", best(rulesSandboxed, series, rounds), best(rulesTrusted, series, rounds)),
                new Pair("onBar-heavy (20-bar mean in Groovy)", best(heavySandboxed, series, rounds), best(heavyTrusted, series, rounds)));
    }

    private static double best(CompiledScript script, BarSeries series, int rounds) {
        RunSpec spec = new RunSpec("bench", script.withParams(Map.of()), List.of(new DataInput(series, "synthetic", "")),
                new ExecutionSettings(FillTiming.NEXT_OPEN, new CommissionModel.PercentOfNotional(0), Slippage.NONE, 0, 0, 0, 1),
                100_000, RiskLimits.none(), 1);
        long bestNanos = Long.MAX_VALUE;
        for (int round = 0; round <= rounds; round++) {
            long t0 = System.nanoTime();
            Backtest.run(spec);
            long took = System.nanoTime() - t0;
            if (round > 0) bestNanos = Math.min(bestNanos, took); // round 0 warms the JIT up
        }
        return series.size() / (bestNanos / 1e9);
    }
}
