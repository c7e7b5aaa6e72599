package io.tradeshell.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.data.SyntheticBars;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.optimize.CombinationPlan;
import io.tradeshell.engine.optimize.OptimizeRequest;
import io.tradeshell.engine.optimize.Optimizer;
import io.tradeshell.engine.optimize.ParamSpace;
import io.tradeshell.engine.optimize.StrategyBinder;
import io.tradeshell.engine.optimize.SweepListener;
import io.tradeshell.engine.optimize.SweepResult;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-pass sweep gives every combination exactly what a backtest of that combination alone
 * gives: generated scripts of declared rules (crossings, comparisons, trends, logic, the account
 * in rules; fixed, percent, cash, computed, risk and volatility sizing; shorts), generated bars,
 * costs always on, fills at the next open or the close, lots, leverage and position limits, small
 * accounts that get orders cut or refused. The same sweep is run per combination and in one pass,
 * and their rows and files are compared byte for byte. Scripts the pass does not take (onBar,
 * stops) go the other way and must say so.
 */
class OnePassSweepTest {
    private static final String[] AVERAGES = {"sma", "ema", "wma"};

    @Test
    void onePassRowsAndFilesAreThoseOfEachCombinationRunAlone(@TempDir Path tmp) throws IOException {
        SplittableRandom random = new SplittableRandom(20261205);
        int onePass = 0, trades = 0;
        for (int c = 0; c < 24; c++) {
            Case k = generate(random, c);
            CompiledScript script = new StrategyCompiler().compile("gen" + c + ".groovy", "gen" + c + ".groovy", k.source);
            StrategyBinder binder = StrategyBinder.of(script.fileName(), script.defaults(), "", script::withParams);
            RunSpec base = new RunSpec("gen.groovy", script.withParams(java.util.Map.of()), List.of(new DataInput(k.bars, "gen.csv", "")),
                    k.execution, k.cash, k.risk, k.lot);
            OptimizeRequest request = OptimizeRequest.of(base, binder, ParamSpace.parse(List.of("a=2..12:5", "b=10..30:10", "q=0,7")))
                    .withThreads(1 + random.nextInt(2));
            CombinationPlan plan = Optimizer.plan(request);
            String path = Optimizer.path(request, plan);
            assertThat(path).as(k.source).isEqualTo(k.declared ? Optimizer.ONE_PASS : k.refusal);
            assertThat(Optimizer.describePath(request, plan)).as(k.source).startsWith(k.declared
                    ? "one pass over the bars for " + plan.size() + " combinations (declared rules, tested "
                    : "each combination on its own (" + k.refusal.substring("per-combination: ".length()) + ")");
            if (k.declared) onePass++;

            SweepResult alone = Optimizer.runPerCombination(request.withOut(tmp.resolve(c + "-alone")), plan, SweepListener.NONE);
            SweepResult pass = Optimizer.run(request.withOut(tmp.resolve(c + "-pass")), plan, SweepListener.NONE);
            assertThat(pass.rows()).as(k.source).isEqualTo(alone.rows());
            trades += pass.rows().stream().mapToInt(row -> row.metrics().trades()).sum();
            for (String file : List.of("optimize.jsonl", "best.json")) {
                assertThat(Files.readString(tmp.resolve(c + "-pass").resolve(file))).as(k.source + file)
                        .isEqualTo(Files.readString(tmp.resolve(c + "-alone").resolve(file)));
            }
        }
        assertThat(onePass).isGreaterThan(14);
        assertThat(trades).isGreaterThan(1000);
    }

    /**
     * Rules that read only the bars go through the pass as columns: tested ahead, the strategy
     * run only where one holds, the equity worked out from the holdings. Over generated minute
     * bars (cheap prices, so closes and averages tie often), bars closer together than their
     * period (an order then waits more than one bar to fill), generated grids and settings, the
     * rows and files are still those of each combination run alone.
     */
    @Test
    void rulesAsColumnsGiveTheRowsAndFilesOfEachCombinationRunAlone(@TempDir Path tmp) throws IOException {
        SplittableRandom random = new SplittableRandom(20261206);
        int trades = 0;
        for (int k = 0; k < 30; k++) {
            int c = k;
            StringBuilder s = new StringBuilder("params a: 5, b: 20, q: 0\n");
            s.append("def x = ").append(pick(random, AVERAGES)).append("(close, a)\n");
            s.append("def y = ").append(pick(random, AVERAGES)).append("(close, b)\n");
            s.append("buyWhen ").append(barRule(random, 2)).append(sizing(random)).append('\n');
            if (random.nextInt(5) > 0) s.append("sellWhen ").append(barRule(random, 2)).append('\n');
            if (random.nextInt(3) == 0) {
                s.append("shortWhen ").append(barRule(random, 2)).append(sizing(random)).append('\n');
                s.append("coverWhen ").append(barRule(random, 2)).append('\n');
            }
            String source = s.toString();
            CompiledScript script = new StrategyCompiler().compile("col" + c + ".groovy", "col" + c + ".groovy", source);
            StrategyBinder binder = StrategyBinder.of(script.fileName(), script.defaults(), "", script::withParams);
            int n = 500 + random.nextInt(3000);
            BarSeries bars = SyntheticBars.generate(random.nextLong(), n, Duration.ofMinutes(1), Instant.parse("2021-03-01T09:30:00Z"),
                    1 + random.nextInt(20), 0.05, 0.1 + random.nextDouble() * 0.5);
            if (random.nextInt(4) == 0) bars = squeezed(bars);
            CommissionModel commission = random.nextBoolean() ? new CommissionModel.PercentOfNotional(0.0005 * random.nextInt(4))
                    : new CommissionModel.PerOrder(random.nextInt(3));
            ExecutionSettings execution = new ExecutionSettings(random.nextInt(4) == 0 ? FillTiming.CLOSE : FillTiming.NEXT_OPEN, commission,
                    new Slippage(random.nextInt(10)), 0, 0, 0, 1);
            RiskLimits risk = random.nextInt(4) == 0 ? RiskLimits.none().withMaxLeverage(2) : RiskLimits.none();
            double cash = random.nextInt(4) == 0 ? 500 + random.nextInt(2_000) : 100_000;
            RunSpec base = new RunSpec("col.groovy", script.withParams(java.util.Map.of()), List.of(new DataInput(bars, "col.csv", "")),
                    execution, cash, risk, new double[] {1, 0, 10}[random.nextInt(3)]);
            int a0 = 2 + random.nextInt(5), b0 = 8 + random.nextInt(10);
            ParamSpace space = ParamSpace.parse(List.of("a=" + a0 + ".." + (a0 + 3 * random.nextInt(1, 5)) + ":" + (1 + random.nextInt(3)),
                    "b=" + b0 + ".." + (b0 + 10 * random.nextInt(1, 4)) + ":" + (5 + random.nextInt(6)), "q=0,3"));
            OptimizeRequest request = OptimizeRequest.of(base, binder, space).withThreads(1 + random.nextInt(2));
            CombinationPlan plan = Optimizer.plan(request);
            assertThat(Optimizer.path(request, plan)).as(source).isEqualTo(Optimizer.ONE_PASS);
            assertThat(Optimizer.rulesAsColumns(request, plan)).as(source).isTrue();

            SweepResult alone, pass;
            try {
                alone = Optimizer.runPerCombination(request.withOut(tmp.resolve(c + "-alone")), plan, SweepListener.NONE);
            } catch (io.tradeshell.engine.optimize.CombinationFailedException failed) {
                // a combination that fails alone (risk sizing on a flat stretch, say) fails in the pass too, after the same rows
                var inPass = org.assertj.core.api.Assertions.catchThrowableOfType(io.tradeshell.engine.optimize.CombinationFailedException.class,
                        () -> Optimizer.run(request.withOut(tmp.resolve(c + "-pass")), plan, SweepListener.NONE));
                assertThat(inPass).as(source).isNotNull();
                assertThat(inPass.params()).isEqualTo(failed.params());
                assertThat(inPass.getCause()).hasMessage(failed.getCause().getMessage());
                assertThat(Files.readString(tmp.resolve(c + "-pass").resolve("optimize.jsonl")))
                        .isEqualTo(Files.readString(tmp.resolve(c + "-alone").resolve("optimize.jsonl")));
                continue;
            }
            pass = Optimizer.run(request.withOut(tmp.resolve(c + "-pass")), plan, SweepListener.NONE);
            assertThat(pass.rows()).as(source).isEqualTo(alone.rows());
            trades += pass.rows().stream().mapToInt(row -> row.metrics().trades()).sum();
            for (String file : List.of("optimize.jsonl", "best.json")) {
                assertThat(Files.readString(tmp.resolve(c + "-pass").resolve(file))).as(source + file)
                        .isEqualTo(Files.readString(tmp.resolve(c + "-alone").resolve(file)));
            }
        }
        assertThat(trades).isGreaterThan(5000);
    }

    @Test
    void rulesThatReadTheAccountAreNotColumnsAndStillGiveTheSameRows(@TempDir Path tmp) throws IOException {
        String src = """
                params a: 5, b: 20
                buyWhen and(crossedOver(sma(close, a), sma(close, b)), under(position, 1)), percent: 50
                sellWhen crossedUnder(sma(close, a), sma(close, b))
                """;
        BarSeries bars = SyntheticBars.generate(11, 2_000, Duration.ofMinutes(1), Instant.parse("2020-01-01T00:00:00Z"), 30, 0.05, 0.3);
        OptimizeRequest request = simple("acct.groovy", src, bars, "b=20..40:10");
        CombinationPlan plan = Optimizer.plan(request);
        assertThat(Optimizer.path(request, plan)).isEqualTo(Optimizer.ONE_PASS);
        assertThat(Optimizer.rulesAsColumns(request, plan)).isFalse();
        assertThat(Optimizer.run(request, plan, SweepListener.NONE).rows())
                .isEqualTo(Optimizer.runPerCombination(request, plan, SweepListener.NONE).rows());
    }

    /**
     * Deciding the path computes the first combination's indicators into the request's cache,
     * and the sweep of that same request finds them there: the line {@code optimize} prints costs
     * no second computation of them.
     */
    @Test
    void thePathLineComputesTheFirstCombinationsIndicatorsOnceForTheSweep() {
        String src = """
                params a: 5, b: 20
                buyWhen crossedOver(sma(close, a), sma(close, b))
                sellWhen crossedUnder(sma(close, a), sma(close, b))
                """;
        BarSeries bars = SyntheticBars.generate(5, 1_000, Duration.ofMinutes(1), Instant.parse("2020-01-01T00:00:00Z"), 30, 0.05, 0.3);
        OptimizeRequest request = Optimizer.sharingIndicators(simple("path.groovy", src, bars, "b=20..40:10"));
        var cache = request.base().indicatorCache().orElseThrow();
        CombinationPlan plan = Optimizer.plan(request);
        assertThat(Optimizer.describePath(request, plan)).startsWith("one pass over the bars for 9 combinations");
        assertThat(cache.size()).as("sma(close, 2) and sma(close, 20), the first combination's").isEqualTo(2);
        assertThat(Optimizer.sharingIndicators(request)).isSameAs(request);
        Optimizer.run(request, plan, SweepListener.NONE);
        assertThat(cache.size()).as("a = 2, 7, 12 and b = 20, 30, 40, each once").isEqualTo(6);
    }

    /** A one-thread sweep of {@code src} over {@code bars} with default settings, a = 2, 7, 12 and {@code b}. */
    private static OptimizeRequest simple(String name, String src, BarSeries bars, String b) {
        CompiledScript script = new StrategyCompiler().compile(name, name, src);
        StrategyBinder binder = StrategyBinder.of(script.fileName(), script.defaults(), "", script::withParams);
        RunSpec base = new RunSpec(name, script.withParams(java.util.Map.of()), List.of(new DataInput(bars, "gen.csv", "")),
                ExecutionSettings.defaults(), 100_000, RiskLimits.none(), 1);
        return OptimizeRequest.of(base, binder, ParamSpace.parse(List.of("a=2..12:5", b))).withThreads(1);
    }

    /** The same bars one minute apart, but each two minutes long: an order waits two bars to fill. */
    private static BarSeries squeezed(BarSeries bars) {
        BarSeries out = new BarSeries(bars.symbol(), Duration.ofMinutes(2), bars.priceScale(), bars.size());
        for (int i = 0; i < bars.size(); i++) {
            out.append(bars.openTime(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
        }
        return out;
    }

    /** A rule of the bars alone (no account), as the columns take them. */
    private static String barRule(SplittableRandom random, int depth) {
        int kinds = depth > 0 ? 11 : 8;
        return switch (random.nextInt(kinds)) {
            case 0, 1 -> "crossedOver(x, y)";
            case 2, 3 -> "crossedUnder(x, y)";
            case 4 -> random.nextBoolean() ? "over(x, y)" : "under(x, " + (1 + random.nextInt(15)) + ")";
            case 5 -> "under(close, x)";
            case 6 -> random.nextBoolean() ? "rising(x, 2)" : "falling(close, 3)";
            case 7 -> random.nextBoolean() ? "crossedOver(close, y)" : "crossedUnder(x, close)";
            case 8 -> "and(" + barRule(random, depth - 1) + ", " + barRule(random, depth - 1) + ")";
            case 9 -> "or(" + barRule(random, depth - 1) + ", " + barRule(random, depth - 1) + ")";
            default -> "not(" + barRule(random, depth - 1) + ")";
        };
    }

    @Test
    void aCombinationThatFailsInThePassFailsAsItDoesAloneAfterTheSameRows(@TempDir Path tmp) throws IOException {
        String src = """
                params a: 5, b: 20
                buyWhen crossedOver(sma(close, a), sma(close, b)), qty: { a > 7 && equity > 0 ? -1 : 5 }
                sellWhen crossedUnder(sma(close, a), sma(close, b))
                """;
        BarSeries bars = SyntheticBars.generate(7, 400, Duration.ofDays(1), Instant.parse("2020-01-01T00:00:00Z"), 50, 0.05, 0.5);
        OptimizeRequest request = simple("fails.groovy", src, bars, "b=10..30:10");
        CombinationPlan plan = Optimizer.plan(request);
        assertThat(Optimizer.path(request, plan)).isEqualTo(Optimizer.ONE_PASS);
        var alone = org.assertj.core.api.Assertions.catchThrowableOfType(io.tradeshell.engine.optimize.CombinationFailedException.class,
                () -> Optimizer.runPerCombination(request.withOut(tmp.resolve("alone")), plan, SweepListener.NONE));
        var pass = org.assertj.core.api.Assertions.catchThrowableOfType(io.tradeshell.engine.optimize.CombinationFailedException.class,
                () -> Optimizer.run(request.withOut(tmp.resolve("pass")), plan, SweepListener.NONE));
        assertThat(pass.params()).isEqualTo(alone.params());
        assertThat(pass.getCause()).hasMessage(alone.getCause().getMessage());
        String rows = Files.readString(tmp.resolve("alone").resolve("optimize.jsonl"));
        assertThat(rows.lines()).hasSizeGreaterThan(1);
        assertThat(Files.readString(tmp.resolve("pass").resolve("optimize.jsonl"))).isEqualTo(rows);
    }

    private record Case(String source, boolean declared, String refusal, BarSeries bars, ExecutionSettings execution, double cash,
                        RiskLimits risk, double lot) { }

    private static Case generate(SplittableRandom random, int c) {
        StringBuilder s = new StringBuilder("params a: 5, b: 20, q: 0\n");
        s.append("def x = ").append(pick(random, AVERAGES)).append("(close, a)\n");
        s.append("def y = ").append(pick(random, AVERAGES)).append("(close, b)\n");
        s.append("buyWhen ").append(rule(random, 2)).append(sizing(random)).append('\n');
        s.append("sellWhen ").append(rule(random, 2)).append('\n');
        if (random.nextInt(3) == 0) {
            s.append("shortWhen ").append(rule(random, 2)).append(sizing(random)).append('\n');
            s.append("coverWhen ").append(rule(random, 2)).append('\n');
        }
        boolean declared = true;
        String refusal = null;
        switch (random.nextInt(8)) {
            case 0 -> {
                s.append("onBar { if (index == 50 && position == 0) buy(3) }\n");
                declared = false;
                refusal = "per-combination: script uses onBar or onTick";
            }
            case 1 -> {
                s.append("stopLoss percent: 3\n");
                declared = false;
                refusal = "per-combination: script sets protective exits";
            }
            default -> { }
        }
        int n = 300 + random.nextInt(400);
        BarSeries bars = SyntheticBars.generate(random.nextLong(), n, Duration.ofDays(1), Instant.parse("2020-01-01T00:00:00Z"),
                20 + random.nextInt(200), 0.05, 0.2 + random.nextDouble() * 0.6);
        CommissionModel commission = switch (random.nextInt(3)) {
            case 0 -> new CommissionModel.PercentOfNotional(0.001 * (1 + random.nextInt(5)));
            case 1 -> new CommissionModel.PerShare(0.005, 1);
            default -> new CommissionModel.PerOrder(1 + random.nextInt(10));
        };
        ExecutionSettings execution = new ExecutionSettings(random.nextInt(4) == 0 ? FillTiming.CLOSE : FillTiming.NEXT_OPEN, commission,
                new Slippage(1 + random.nextInt(20)), 0, 0, 0, 1);
        double cash = random.nextInt(3) == 0 ? 2_000 + random.nextInt(5_000) : 100_000;
        RiskLimits risk = RiskLimits.none();
        if (random.nextInt(3) == 0) risk = risk.withMaxLeverage(2);
        if (random.nextInt(4) == 0) risk = risk.withMaxPositionPct(0.6);
        double lot = new double[] {1, 1, 0, 10}[random.nextInt(4)];
        return new Case(s.toString(), declared, refusal, bars, execution, cash, risk, lot);
    }

    private static String rule(SplittableRandom random, int depth) {
        int kinds = depth > 0 ? 11 : 8;
        return switch (random.nextInt(kinds)) {
            case 0, 1 -> "crossedOver(x, y)";
            case 2, 3 -> "crossedUnder(x, y)";
            case 4 -> "over(x, y)";
            case 5 -> "under(close, x)";
            case 6 -> random.nextBoolean() ? "rising(x, 2)" : "falling(close, 3)";
            case 7 -> random.nextBoolean() ? "over(equity, 100000)" : "under(position, 1)";
            case 8 -> "and(" + rule(random, depth - 1) + ", " + rule(random, depth - 1) + ")";
            case 9 -> "or(" + rule(random, depth - 1) + ", " + rule(random, depth - 1) + ")";
            default -> "not(" + rule(random, depth - 1) + ")";
        };
    }

    private static String sizing(SplittableRandom random) {
        return switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> ", qty: 10";
            case 2 -> ", percent: " + (20 + random.nextInt(80));
            case 3 -> ", cash: 5000";
            case 4 -> ", qty: { q > 0 ? q : equity * 0.5 / price }";
            case 5 -> ", riskPercent: 1, stop: atr(14) * 2";
            case 6 -> ", volTarget: 0.15, lookback: 20";
            default -> ", percent: 100";
        };
    }

    private static String pick(SplittableRandom random, String[] words) {
        return words[random.nextInt(words.length)];
    }
}
