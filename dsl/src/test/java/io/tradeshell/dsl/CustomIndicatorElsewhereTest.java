package io.tradeshell.dsl;

import static io.tradeshell.dsl.ScriptBehaviourTest.NO_COSTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunRecorder;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.run.TradingLoop;
import io.tradeshell.engine.strategy.Overlays;
import java.time.Duration;
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
 * A script's own indicators inside {@code timeframe { }} (computed on the completed bars of that
 * timeframe, visible once a period has closed) and read from the portfolio section (ranking):
 * values and orders equal to plain implementations written here, and blind to later bars.
 */
class CustomIndicatorElsewhereTest {
    private static final long HOUR = 3_600_000L;

    /** On hourly bars: a daily momentum reading the day's close one day back, and a daily EMA with its previous value. */
    private static final String DAILY = """
            params n: 4
            def dayMom = timeframe('1d') {
                indicator('dayEma', overlay: true) { prev, bar -> prev == null ? bar.close : prev + (bar.close - prev) * 2 / (n + 1) }
                indicator('dayMom', overlay: true, warmup: 1) { bar -> bar.index < 1 ? Double.NaN : bar.close - close[1] + (bar.high - bar.low) * 0.1 }
            }
            buyWhen over(dayMom, 0), qty: 1
            sellWhen under(dayMom, 0)
            """;

    /** The leader by the script's own indicator over its close holds 10 units, the others none. */
    private static final String RANKED = """
            indicator('score') { prev, bar -> prev == null ? bar.close : prev + (bar.close - prev) * 0.3 }
            portfolio {
                def leader = top(1, symbols) { String s -> value(indicator('score', s)) / price(s) }
                for (String s : symbols) targetQty(s, leader.contains(s) ? 10 : 0)
            }
            """;

    /** The same ranking by a daily indicator on hourly bars: a symbol has a score once its first day has closed. */
    private static final String RANKED_DAILY = """
            timeframe('1d') { indicator('score') { prev, bar -> prev == null ? bar.close : prev + (bar.close - prev) * 0.3 } }
            portfolio {
                def leader = top(1, symbols) { String s -> value(indicator('score', s)) / price(s) }
                for (String s : symbols) targetQty(s, leader.contains(s) ? 10 : 0)
            }
            """;

    static IntStream seeds() {
        return IntStream.range(0, 10);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aDailyIndicatorOnHourlyBarsEqualsAPlainOneAndShowsEachDayOnceItHasClosed(int seed) {
        Random rnd = new Random(seed);
        int n = 2 + rnd.nextInt(8);
        BarSeries bars = hourly("X", FutureBarsChangeNothingTest.walk(rnd, 24 * 9 + rnd.nextInt(24)));
        Run run = run(DAILY, Map.of("n", n), List.of(bars));

        Days d = Days.of(bars);
        double[] ema = new double[d.count], mom = new double[d.count];
        for (int j = 0; j < d.count; j++) {
            ema[j] = j == 0 ? d.close[0] : ema[j - 1] + (d.close[j] - ema[j - 1]) * 2 / (n + 1);
            mom[j] = j < 1 ? Double.NaN : d.close[j] - d.close[j - 1] + (d.high[j] - d.low[j]) * 0.1;
        }
        double[] emaOnHours = d.onHours(ema, bars.size()), momOnHours = d.onHours(mom, bars.size());
        assertSame(run.values.get("dayEma"), emaOnHours);
        assertSame(run.values.get("dayMom"), momOnHours);
        // a day's value appears at its 24th hour, the bar that closes the day, and not one hour before
        for (int i = 23; i + 1 < bars.size(); i += 24) {
            assertThat(Double.valueOf(emaOnHours[i])).isNotEqualTo(Double.valueOf(i < 24 ? Double.NaN : emaOnHours[i - 1]));
        }

        List<String> expected = new ArrayList<>();
        boolean held = false;
        for (int i = 0; i + 1 < bars.size(); i++) {
            if (!held && momOnHours[i] > 0) {
                expected.add("BUY X 1.0 at " + bars.open(i + 1));
                held = true;
            } else if (held && momOnHours[i] < 0) {
                expected.add("SELL X 1.0 at " + bars.open(i + 1));
                held = false;
            }
        }
        assertThat(fills(run.result)).isNotEmpty().isEqualTo(expected);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void thePortfolioSectionRanksByTheScriptsOwnIndicatorAsAPlainRankingDoes(int seed) {
        Random rnd = new Random(100 + seed);
        List<BarSeries> universe = universe(rnd, 80);
        Run run = run(RANKED, Map.of(), universe);
        double[][] score = new double[universe.size()][];
        for (int k = 0; k < score.length; k++) {
            BarSeries b = universe.get(k);
            score[k] = new double[b.size()];
            for (int i = 0; i < b.size(); i++) score[k][i] = i == 0 ? b.close(0) : score[k][i - 1] + (b.close(i) - score[k][i - 1]) * 0.3;
        }
        assertThat(fills(run.result)).isNotEmpty().isEqualTo(expectedRotation(universe, score));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void thePortfolioSectionRanksByADailyIndicatorOnlyOnceEachDayHasClosed(int seed) {
        Random rnd = new Random(200 + seed);
        List<BarSeries> universe = universe(rnd, 24 * 6 + 5);
        Run run = run(RANKED_DAILY, Map.of(), universe);
        double[][] score = new double[universe.size()][];
        for (int k = 0; k < score.length; k++) {
            BarSeries b = universe.get(k);
            Days d = Days.of(b);
            double[] daily = new double[d.count];
            for (int j = 0; j < d.count; j++) daily[j] = j == 0 ? d.close[0] : daily[j - 1] + (d.close[j] - daily[j - 1]) * 0.3;
            score[k] = d.onHours(daily, b.size());
        }
        List<String> expected = expectedRotation(universe, score);
        assertThat(expected.getFirst()).as("nothing is ranked before the first day closes").endsWith("at time " + 24 * HOUR);
        assertThat(fills(run.result)).isEqualTo(expected);
    }

    /** Causality as a property: bars changed after bar k change no value up to k, nor any order decided by then, in either place. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void changingBarsAfterKChangesNothingDecidedUpToK(int seed) {
        Random rnd = new Random(300 + seed);
        int size = 24 * 7, k = 20 + rnd.nextInt(size - 40);
        double[][] original = FutureBarsChangeNothingTest.walk(rnd, size);
        double[][] altered = FutureBarsChangeNothingTest.alterAfter(original, k, new Random(seed * 31L + 7));
        Map<String, Integer> params = Map.of("n", 2 + rnd.nextInt(6));
        Run a = run(DAILY, params, List.of(hourly("X", original)));
        Run b = run(DAILY, params, List.of(hourly("X", altered)));
        for (String name : a.values.keySet()) {
            for (int i = 0; i <= k; i++) {
                assertThat(Double.valueOf(b.values.get(name)[i])).as("%s at bar %d (data changed after %d)", name, i, k)
                        .isEqualTo(Double.valueOf(a.values.get(name)[i]));
            }
        }
        assertThat(decidedBy(b.result, k)).isEqualTo(decidedBy(a.result, k));

        Random other = new Random(400 + seed);
        double[][] second = FutureBarsChangeNothingTest.walk(other, size);
        double[][] secondAltered = FutureBarsChangeNothingTest.alterAfter(second, k, other);
        for (String script : List.of(RANKED, RANKED_DAILY)) {
            Run p = run(script, Map.of(), List.of(hourly("AAA", original), hourly("BBB", second)));
            Run q = run(script, Map.of(), List.of(hourly("AAA", altered), hourly("BBB", secondAltered)));
            assertThat(decidedBy(q.result, k)).as(script).isEqualTo(decidedBy(p.result, k));
        }
    }

    @Test
    void anIndicatorReadingABarNotYetClosedIsNamedInTheMessage() {
        String src = """
                title 'x'
                def peek = indicator('peek') { bar ->
                    close.value(bar.index + 1)
                }
                buyWhen over(peek, 0)
                """;
        assertThatThrownBy(() -> run(src, Map.of(), List.of(ScriptBehaviourTest.bars("X", 10, 11, 12))))
                .isInstanceOf(ScriptException.class)
                .hasMessage("test.groovy:3: read a future bar in indicator 'peek': bar 1 of X has not closed yet (1 bars so far);"
                        + " only bars closed so far can be read (in indicator 'peek' at bar 1970-01-01T00:00:00Z of X)");
    }

    @Test
    void aDailyIndicatorsFailureNamesTheDailyBar() {
        String src = """
                title 'x'
                timeframe('1d') { indicator('bad') { bar ->
                    bar.ago(0)
                } }
                """;
        assertThatThrownBy(() -> run(src, Map.of(), List.of(hourly("X", FutureBarsChangeNothingTest.walk(new Random(1), 30)))))
                .isInstanceOf(ScriptException.class)
                .hasMessage("test.groovy:3: ago(0): an indicator's own values can be read 1 or more bars back, not its value now or later"
                        + " (in indicator 'bad' at 1d bar 1970-01-01T00:00:00Z of X)");
    }

    @Test
    void thePortfolioSectionNamingAnIndicatorTheScriptHasNotDeclaredFails() {
        String src = """
                indicator('score') { bar -> bar.close }
                portfolio {
                    targetWeights(equalWeight(top(1, symbols) { String s -> value(indicator('scroe', s)) }))
                }
                """;
        assertThatThrownBy(() -> run(src, Map.of(), List.of(ScriptBehaviourTest.bars("A", 1, 2), ScriptBehaviourTest.bars("B", 1, 2))))
                .isInstanceOf(ScriptException.class)
                .hasMessageStartingWith("test.groovy:3: no indicator 'scroe' is declared in the script body");
    }

    @Test
    void anIndicatorDeclaredTwiceIsRefusedWhenTheScriptLoads() {
        assertThatThrownBy(() -> new StrategyCompiler().compile("s.groovy", "s.groovy",
                "indicator('a') { bar -> bar.close }\ntimeframe('1w') { indicator('a') { bar -> bar.close } }\n"))
                .isInstanceOf(ScriptException.class)
                .hasMessage("s.groovy:2: indicator 'a' is declared twice");
    }

    // ---- plain implementations -----------------------------------------------------------------

    /** The UTC days of hourly bars from midnight: day {@code j} is hours 24j..24j+23, complete at its last hour. */
    private record Days(int count, double[] high, double[] low, double[] close) {
        static Days of(BarSeries hours) {
            int count = hours.size() / 24;
            double[] high = new double[count], low = new double[count], close = new double[count];
            for (int j = 0; j < count; j++) {
                high[j] = Double.NEGATIVE_INFINITY;
                low[j] = Double.POSITIVE_INFINITY;
                for (int i = 24 * j; i < 24 * j + 24; i++) {
                    high[j] = Math.max(high[j], hours.high(i));
                    low[j] = Math.min(low[j], hours.low(i));
                }
                close[j] = hours.close(24 * j + 23);
            }
            return new Days(count, high, low, close);
        }

        /** Each hour's view of a daily series: the value of the last day closed by the hour's close, NaN before the first. */
        double[] onHours(double[] daily, int hours) {
            double[] out = new double[hours];
            for (int i = 0; i < hours; i++) {
                int j = (i + 1) / 24 - 1;
                out[i] = j < 0 ? Double.NaN : daily[j];
            }
            return out;
        }
    }

    /**
     * The rotation by hand: at each hour's close the symbol with the highest score over its close
     * (ties to the earlier symbol; none while every score is NaN) should hold 10 units, the others
     * none; the orders fill at the next hour's open, in symbol order.
     */
    private static List<String> expectedRotation(List<BarSeries> universe, double[][] score) {
        List<String> out = new ArrayList<>();
        int size = universe.getFirst().size(), held = -1;
        for (int i = 0; i + 1 < size; i++) {
            int leader = -1;
            double best = Double.NaN;
            for (int k = 0; k < universe.size(); k++) {
                double s = score[k][i] / universe.get(k).close(i);
                if (Double.isNaN(s)) continue;
                if (leader < 0 || s > best) {
                    leader = k;
                    best = s;
                }
            }
            if (leader == held) continue;
            for (int k = 0; k < universe.size(); k++) {
                String at = " at " + universe.get(k).open(i + 1) + " at time " + (i + 1) * HOUR;
                if (k == held) out.add("SELL " + universe.get(k).symbol() + " 10.0" + at);
                if (k == leader) out.add("BUY " + universe.get(k).symbol() + " 10.0" + at);
            }
            held = leader;
        }
        return out;
    }

    // ---- helpers ------------------------------------------------------------------------------

    private record Run(RunResult result, Map<String, double[]> values) { }

    private static Run run(String source, Map<String, ?> params, List<BarSeries> data) {
        CompiledScript script = new StrategyCompiler().compile("test.groovy", "test.groovy", source);
        RunSpec spec = new RunSpec("test.groovy", script.withParams(params), data.stream().map(b -> new DataInput(b, b.symbol(), "")).toList(),
                NO_COSTS, 100_000, RiskLimits.none(), 1);
        TradingLoop loop = Backtest.loop(spec, RunRecorder.NONE);
        RunResult result = loop.run();
        Map<String, double[]> values = new LinkedHashMap<>();
        BarSeries first = data.getFirst();
        for (Overlays.Overlay o : ((Overlays) loop.strategies().getFirst()).overlays()) {
            double[] v = new double[first.size()];
            for (int i = 0; i < v.length; i++) v[i] = o.indicator().value(i);
            values.put(o.name(), v);
        }
        return new Run(result, values);
    }

    private static List<String> fills(RunResult r) {
        return r.fills().stream().map(CustomIndicatorElsewhereTest::describe).toList();
    }

    private static String describe(Fill f) {
        return f.side() + " " + f.symbol() + " " + f.qty() + " at " + f.price() + (f.symbol().equals("X") ? "" : " at time " + f.time());
    }

    /** The orders decided by bar {@code k}'s close, as they filled by bar k+1's open (whose price is already the changed one). */
    private static List<String> decidedBy(RunResult r, int k) {
        return r.fills().stream().filter(f -> f.time() <= (k + 1) * HOUR).map(f -> f.side() + " " + f.symbol() + " " + f.qty() + " at time " + f.time()).toList();
    }

    private static List<BarSeries> universe(Random rnd, int hours) {
        List<BarSeries> out = new ArrayList<>();
        for (String s : List.of("AAA", "BBB", "CCC")) out.add(hourly(s, FutureBarsChangeNothingTest.walk(rnd, hours)));
        return out;
    }

    private static BarSeries hourly(String symbol, double[][] rows) {
        BarSeries plain = FutureBarsChangeNothingTest.series(rows);
        BarSeries s = new BarSeries(symbol, Duration.ofHours(1), plain.priceScale(), rows.length);
        for (int i = 0; i < plain.size(); i++) s.appendFrom(plain, i);
        return s;
    }

    /** Bit for bit (boxed, so NaN equals NaN). */
    private static void assertSame(double[] actual, double[] expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Double.valueOf(actual[i])).as("bar %d", i).isEqualTo(Double.valueOf(expected[i]));
        }
    }
}
