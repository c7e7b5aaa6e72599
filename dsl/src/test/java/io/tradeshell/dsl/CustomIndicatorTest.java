package io.tradeshell.dsl;

import static io.tradeshell.dsl.ScriptBehaviourTest.NO_COSTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunRecorder;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.run.TradingLoop;
import io.tradeshell.engine.strategy.Overlays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code indicator('name') { bar -> ... }}: values equal to a plain implementation written here,
 * used in rules and other indicators, computed once per bar as it closes, blind to later bars,
 * and its mistakes named by script line.
 */
class CustomIndicatorTest {
    /** An EMA with its previous value, a range read through another indicator one bar back, and an SMA of the first. */
    private static final String SCRIPT = """
            params n: 10
            def avg = sma(close, 5)
            def myEma = indicator('myEma', overlay: true) { prev, bar -> prev == null ? bar.close : prev + (bar.close - prev) * 2 / (n + 1) }
            def gap = indicator('gap', overlay: true, warmup: 5) { bar -> bar.index < 1 ? Double.NaN : bar.high - avg[1] }
            def smooth = sma(myEma, 3)
            indicator('smooth', overlay: true) { bar -> smooth.value }
            indicator('twoBack', overlay: true) { bar -> bar.index < 2 ? bar.close : bar.prev * 0.5 + bar.ago(2) * 0.3 + bar.close * 0.2 }
            buyWhen over(myEma, avg), qty: 1
            sellWhen under(myEma, avg)
            """;

    static IntStream seeds() {
        return IntStream.range(0, 12);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void valuesAndTradesEqualAPlainImplementation(int seed) {
        Random rnd = new Random(seed);
        int period = 2 + rnd.nextInt(20);
        double[][] rows = FutureBarsChangeNothingTest.walk(rnd, 120);
        BarSeries bars = FutureBarsChangeNothingTest.series(rows);
        Run run = run(SCRIPT, Map.of("n", period), bars);

        int size = bars.size();
        double[] close = new double[size], high = new double[size], open = new double[size];
        for (int i = 0; i < size; i++) {
            close[i] = bars.close(i);
            high[i] = bars.high(i);
            open[i] = bars.open(i);
        }
        double[] ema = new double[size], avg = new double[size], gap = new double[size], smooth = new double[size], twoBack = new double[size];
        for (int i = 0; i < size; i++) {
            ema[i] = i == 0 ? close[0] : ema[i - 1] + (close[i] - ema[i - 1]) * 2 / (period + 1);
            avg[i] = mean(close, Math.max(0, i - 4), i);
            gap[i] = i < 1 ? Double.NaN : high[i] - avg[i - 1];
            smooth[i] = mean(ema, Math.max(0, i - 2), i);
        }
        for (int i = 0; i < size; i++) twoBack[i] = i < 2 ? close[i] : twoBack[i - 1] * 0.5 + twoBack[i - 2] * 0.3 + close[i] * 0.2;
        assertClose(run.values.get("myEma"), ema);
        assertClose(run.values.get("gap"), gap);
        assertClose(run.values.get("smooth"), smooth);
        assertClose(run.values.get("twoBack"), twoBack);

        // the rules, by hand: from bar 4 (the 5-bar average's warm-up) buy 1 when flat and the EMA is over
        // the average, sell when under; each order fills at the next bar's open
        List<String> expected = new ArrayList<>();
        boolean held = false;
        for (int i = 0; i + 1 < size; i++) {
            if (!held && i >= 4 && ema[i] > avg[i]) {
                expected.add("BUY " + open[i + 1]);
                held = true;
            } else if (held && ema[i] < avg[i]) {
                expected.add("SELL " + open[i + 1]);
                held = false;
            }
        }
        assertThat(run.result.fills().stream().map(f -> f.side() + " " + f.price()).toList()).isEqualTo(expected);
    }

    @Test
    void theBlockRunsOncePerBarInOrderWhenThatBarIsTheNewest() {
        String src = """
                import groovy.transform.Field
                @Field int calls = 0
                indicator('calls', overlay: true) { bar -> ++calls }
                indicator('newest', overlay: true) { bar -> bars.lastIndex() - bar.index }
                """;
        BarSeries bars = FutureBarsChangeNothingTest.series(FutureBarsChangeNothingTest.walk(new Random(3), 50));
        Run run = run(src, Map.of(), bars);
        for (int i = 0; i < 50; i++) {
            assertThat(run.values.get("calls")[i]).as("calls by bar %d", i).isEqualTo(i + 1);
            assertThat(run.values.get("newest")[i]).as("bars after bar %d when it was computed", i).isZero();
        }
    }

    /** Causality as a property: data changed after bar k changes no value of a custom indicator up to k, nor any order decided by then. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void changingBarsAfterKChangesNoValueNorOrderUpToK(int seed) {
        Random rnd = new Random(1000 + seed);
        int k = 10 + rnd.nextInt(100);
        double[][] original = FutureBarsChangeNothingTest.walk(rnd, 120);
        double[][] altered = FutureBarsChangeNothingTest.alterAfter(original, k, new Random(seed * 17L + 5));
        Map<String, Integer> params = Map.of("n", 2 + rnd.nextInt(20));
        Run a = run(SCRIPT, params, FutureBarsChangeNothingTest.series(original));
        Run b = run(SCRIPT, params, FutureBarsChangeNothingTest.series(altered));
        for (String name : a.values.keySet()) {
            for (int i = 0; i <= k; i++) {
                // boxed, so NaN equals NaN and 0.0 differs from -0.0: the values must be the same bits
                assertThat(Double.valueOf(b.values.get(name)[i])).as("%s at bar %d (data changed after %d)", name, i, k)
                        .isEqualTo(Double.valueOf(a.values.get(name)[i]));
            }
        }
        long decidedBy = (k + 1) * 3_600_000L; // bar k's close; a fill at bar k+1's open was decided at k
        assertThat(b.result.fills().stream().filter(f -> f.time() <= decidedBy).map(f -> f.side() + " " + f.qty()).toList())
                .isEqualTo(a.result.fills().stream().filter(f -> f.time() <= decidedBy).map(f -> f.side() + " " + f.qty()).toList());
    }

    @Test
    void aFailureInTheBlockNamesItsLineTheIndicatorAndTheBar() {
        String src = """
                title 'x'
                def bad = indicator('bad') { bar ->
                    bar.ago(bar.index == 3 ? 0 : 1)
                }
                buyWhen over(bad, 0)
                """;
        BarSeries bars = ScriptBehaviourTest.bars("X", 10, 11, 12, 13, 14, 15);
        assertThatThrownBy(() -> run(src, Map.of(), bars))
                .isInstanceOf(ScriptException.class)
                .hasMessage("test.groovy:3: ago(0): an indicator's own values can be read 1 or more bars back, not its value now or later"
                        + " (in indicator 'bad' at bar 1970-01-04T00:00:00Z of X)");
    }

    @Test
    void aBlockThatGivesNoNumberIsNamedByTheLineDeclaringIt() {
        String src = "title 'x'\n\ndef word = indicator('word') { bar -> 'up' }\nbuyWhen over(word, 0)\n";
        assertThatThrownBy(() -> run(src, Map.of(), ScriptBehaviourTest.bars("X", 10, 11, 12)))
                .isInstanceOf(ScriptException.class)
                .hasMessage("test.groovy:3: indicator 'word' must give a number (Double.NaN while it warms up), got String up"
                        + " (in indicator 'word' at bar 1970-01-01T00:00:00Z of X)");
    }

    @Test
    void aBadOptionIsRefusedWhenTheScriptLoads() {
        assertThatThrownBy(() -> new StrategyCompiler().compile("s.groovy", "s.groovy", "\ndef x = indicator('x', warmup: -1) { bar -> bar.close }\n"))
                .isInstanceOf(ScriptException.class)
                .hasMessage("s.groovy:2: indicator 'x': warmup: is a whole number of bars >= 0, got -1");
    }

    @Test
    void theBlockIsSandboxedLikeTheRestOfTheScript() {
        assertThatThrownBy(() -> new StrategyCompiler().compile("s.groovy", "s.groovy",
                "def x = indicator('x') { bar ->\n  new File('/etc/passwd').text.size()\n}\n"))
                .isInstanceOf(ScriptException.class)
                .hasMessageStartingWith("s.groovy:2: java.io.File is not allowed in a strategy script");
    }

    // ---- helpers ------------------------------------------------------------------------------

    private record Run(RunResult result, Map<String, double[]> values) { }

    /** A backtest without costs, and every value of the script's charted indicators afterwards. */
    private static Run run(String source, Map<String, ?> params, BarSeries bars) {
        CompiledScript script = new StrategyCompiler().compile("test.groovy", "test.groovy", source);
        RunSpec spec = new RunSpec("test.groovy", script.withParams(params), List.of(new DataInput(bars, "X", "")), NO_COSTS,
                100_000, RiskLimits.none(), 1);
        TradingLoop loop = Backtest.loop(spec, RunRecorder.NONE);
        RunResult result = loop.run();
        Map<String, double[]> values = new LinkedHashMap<>();
        for (Overlays.Overlay o : ((Overlays) loop.strategies().get(0)).overlays()) {
            double[] v = new double[bars.size()];
            for (int i = 0; i < v.length; i++) v[i] = o.indicator().value(i);
            values.put(o.name(), v);
        }
        return new Run(result, values);
    }

    private static double mean(double[] v, int from, int to) {
        double sum = 0;
        for (int i = from; i <= to; i++) sum += v[i];
        return sum / (to - from + 1);
    }

    private static void assertClose(double[] actual, double[] expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) assertThat(actual[i]).as("bar %d", i).isNaN();
            else assertThat(actual[i]).as("bar %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(expected[i]))));
        }
    }
}
