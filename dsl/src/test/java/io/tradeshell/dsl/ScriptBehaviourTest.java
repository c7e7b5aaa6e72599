package io.tradeshell.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The DSL's words on small hand-made series, each result worked out by hand. */
class ScriptBehaviourTest {
    static final long DAY = 86_400_000L;
    static final ExecutionSettings NO_COSTS = new ExecutionSettings(FillTiming.NEXT_OPEN, new CommissionModel.PercentOfNotional(0), Slippage.NONE, 0, 0, 0, 1);

    /** Bars with open = close = the given price, high/low one unit around it. */
    static BarSeries bars(String symbol, double... closes) {
        BarSeries s = new BarSeries(symbol, Duration.ofDays(1), 2, closes.length);
        for (int i = 0; i < closes.length; i++) s.append(i * DAY, closes[i], closes[i] + 1, closes[i] - 1, closes[i], 1000);
        return s;
    }

    static RunResult run(String source, Map<String, ?> params, BarSeries... series) {
        return runWithCash(10_000, source, params, series);
    }

    /** A run with more cash, for tests whose figures are about something other than buying power. */
    static RunResult runWithCash(double cash, String source, Map<String, ?> params, BarSeries... series) {
        CompiledScript script = new StrategyCompiler().compile("test.groovy", "test.groovy", source);
        List<DataInput> data = java.util.Arrays.stream(series).map(s -> new DataInput(s, s.symbol(), "")).toList();
        return Backtest.run(new RunSpec("test.groovy", script.withParams(params), data, NO_COSTS, cash, RiskLimits.none(), 1));
    }

    @Test
    void onBarOrdersFillAtTheNextOpenAndSeeThePosition() {
        String src = """
                onBar {
                    if (index == 1) buy(5)
                    if (index == 3 && position == 5) sell()
                }
                """;
        RunResult r = run(src, Map.of(), bars("X", 10, 11, 12, 13, 14, 15));
        // buy decided at bar 1's close fills at bar 2's open (12); sell decided at bar 3 fills at bar 4's open (14)
        assertThat(r.fills()).extracting(Fill::side, Fill::price, Fill::qty)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Side.BUY, 12.0, 5.0), org.assertj.core.groups.Tuple.tuple(Side.SELL, 14.0, 5.0));
        assertThat(r.trades()).singleElement().satisfies(t -> {
            assertThat(t.pnl()).isEqualTo(10.0); // (14 - 12) x 5
            assertThat(t.barsHeld()).isEqualTo(2);
        });
        assertThat(r.metrics().finalEquity()).isEqualTo(10_010.0);
    }

    @Test
    void limitAndStopOrdersFromTheScriptFillAtTheirPrices() {
        String src = """
                onBar {
                    if (index == 0) buyLimit(8.5, 2)      // bar 2 trades down to 7 (close 8, low 7): fills at 8.5
                    if (index == 3 && isLong()) sellStop(7.5, 2)   // lows after bar 3 are 9, 11, 11: never reached
                    if (index == 3 && isLong()) sellLimit(12.5, 2) // bar 5's high 13 reaches 12.5: fills at 12.5
                }
                """;
        RunResult r = run(src, Map.of(), bars("X", 10, 9.5, 8, 9, 10, 12, 12));
        assertThat(r.fills()).extracting(Fill::side, Fill::price)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Side.BUY, 8.5), org.assertj.core.groups.Tuple.tuple(Side.SELL, 12.5));
        assertThat(r.trades().get(0).pnl()).isEqualTo(8.0); // (12.5 - 8.5) x 2
        assertThat(r.orders()).isEqualTo(3);
    }

    @Test
    void aSellStopAboveThePriceFillsAtTheNextOpen() {
        // decided at bar 1's close (9): a sell stop at 10.5 is already through, so it fills at bar 2's open, 8
        String src = """
                onBar {
                    if (index == 0) buy(1)
                    if (index == 1) sellStop(10.5, 1)
                }
                """;
        RunResult r = run(src, Map.of(), bars("X", 10, 9, 8, 9));
        assertThat(r.fills()).extracting(Fill::side, Fill::price)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Side.BUY, 9.0), org.assertj.core.groups.Tuple.tuple(Side.SELL, 8.0));
    }

    @Test
    void paramsHaveDefaultsOverridesAndTypes() {
        String src = """
                params n: 2, ratio: 0.5, label: 'a', flag: true
                onBar { if (index == 0) { assert n == 3 && ratio == 0.25 && label == 'b' && !flag } }
                """;
        CompiledScript script = new StrategyCompiler().compile("p.groovy", "p.groovy", src);
        assertThat(script.defaults()).containsExactly(Map.entry("n", 2), Map.entry("ratio", new java.math.BigDecimal("0.5")),
                Map.entry("label", "a"), Map.entry("flag", true));
        RunResult r = run(src, Map.of("n", "3", "ratio", "0.25", "label", "b", "flag", "false"), bars("X", 1, 2, 3));
        assertThat(r.spec().strategy().params()).containsEntry("n", 3).containsEntry("label", "b");
        assertThatThrownBy(() -> script.withParams(Map.of("flag", "maybe")))
                .hasMessage("p.groovy: param 'flag' expects true or false, got 'maybe'");
        assertThatThrownBy(() -> script.withParams(Map.of("ratio", "half")))
                .hasMessage("p.groovy: param 'ratio' expects a number, got 'half'");
    }

    @Test
    void noEntryBeforeTheRulesIndicatorsAreStable() {
        // SMA(3) is unstable for 2 bars; a crossing needs one more: no entry before bar 3 even though
        // close crosses above the (partial) average at bar 1.
        String src = "buyWhen crossedOver(close, sma(close, 3)), qty: 1";
        RunResult r = run(src, Map.of(), bars("X", 10, 11, 9, 8, 12, 13));
        assertThat(r.warmupBars()).isEqualTo(3);
        // bar 4: close 12 > sma(9,8,12)=9.67 and bar 3: 8 < sma(11,9,8)=9.33 -> cross at bar 4, fill at bar 5's open 13
        assertThat(r.fills()).singleElement().satisfies(f -> assertThat(f.price()).isEqualTo(13.0));
    }

    @Test
    void readingTheFutureIsRefusedWithTheScriptLine() {
        String src = """
                onBar {
                    if (index == 2) {
                        def x = close[-1]
                    }
                }
                """;
        assertThatThrownBy(() -> run(src, Map.of(), bars("X", 1, 2, 3, 4)))
                .isInstanceOf(ScriptException.class)
                .hasMessage("test.groovy:3: cannot read 1 bar(s) into the future: use [0] for now, [1] for one bar ago (at bar 1970-01-03T00:00:00Z of X)");
    }

    @Test
    void valuesInTheBodyAreRefusedBecauseNoBarHasClosed() {
        assertThatThrownBy(() -> new StrategyCompiler().compile("v.groovy", "v.groovy", "def v = close.value\n"))
                .isInstanceOf(ScriptException.class)
                .hasMessageStartingWith("v.groovy:1:");
    }

    @Test
    void sizingByPercentOfEquityAndByCashRoundsDownToLots() {
        RunResult pct = run("buyWhen over(close, 0), percent: 25", Map.of(), bars("X", 30, 30, 30));
        // 25% of 10,000 at a close of 30 = 83.33 -> 83 units, filled at bar 1's open
        assertThat(pct.fills().get(0).qty()).isEqualTo(83.0);
        RunResult cash = run("buyWhen over(close, 0), cash: 1000", Map.of(), bars("X", 30, 30, 30));
        assertThat(cash.fills().get(0).qty()).isEqualTo(33.0);
    }

    @Test
    void shortEntriesAndCoversWithAStopLoss() {
        String src = """
                shortWhen falling(close), qty: 10
                coverWhen rising(close)
                stopLoss percent: 10
                """;
        // bar 1 falls -> short at bar 2's open 18; bar 2: 18 -> rises? no (18 < 19? bars: 20,19,18,25)
        // bar 2 falls again but already short; bar 3's open 25 gaps above the stop 19.8 -> stop fills at the open 25
        RunResult r = run(src, Map.of(), bars("X", 20, 19, 18, 25, 26));
        assertThat(r.trades()).singleElement().satisfies(t -> {
            assertThat(t.side().name()).isEqualTo("SHORT");
            assertThat(t.entryPrice()).isEqualTo(18.0);
            assertThat(t.exitPrice()).isEqualTo(25.0);
            assertThat(t.pnl()).isCloseTo(-70.0, within(1e-9)); // (18 - 25) x 10
        });
    }

    @Test
    void rulesApplyPerSymbolWithOneSharedAccount() {
        String src = "buyWhen crossedOver(close, 10), qty: 1";
        BarSeries a = bars("A", 9, 11, 12, 13);
        BarSeries b = bars("B", 5, 6, 7, 8); // never crosses 10
        RunResult r = run(src, Map.of(), a, b);
        assertThat(r.fills()).singleElement().satisfies(f -> assertThat(f.symbol()).isEqualTo("A"));
        // equity = 10,000 - 12 (bought at bar 2's open) + 13 (last close)
        assertThat(r.metrics().finalEquity()).isEqualTo(10_001.0);
    }

    @Test
    void riskLimitsDeclaredInTheScriptApplyAndARunsOwnLimitsOverrideThem() {
        String src = """
                risk maxOrderNotional: 100, allowedSymbols: ['X']
                buyWhen over(close, 0), qty: 10
                """;
        // 10 x 30 = 300 > 100: every entry is denied by the script's own limit
        RunResult denied = run(src, Map.of(), bars("X", 30, 30, 30));
        assertThat(denied.fills()).isEmpty();
        assertThat(denied.spec().effectiveRisk().maxOrderNotional()).isEqualTo(100.0);
        // the run raises the limit to 1000: the entry at bar 1's open (30) goes through
        CompiledScript script = new StrategyCompiler().compile("r.groovy", "r.groovy", src);
        RunResult allowed = Backtest.run(new RunSpec("r.groovy", script.withParams(Map.of()),
                List.of(new DataInput(bars("X", 30, 30, 30), "X", "")), NO_COSTS, 10_000,
                io.tradeshell.engine.risk.RiskLimits.none().withMaxOrderNotional(1000), 1));
        assertThat(allowed.fills()).singleElement().satisfies(f -> assertThat(f.price()).isEqualTo(30.0));
        assertThat(allowed.spec().effectiveRisk().allowedSymbols()).containsExactly("X");
        assertThatThrownBy(() -> new StrategyCompiler().compile("bad.groovy", "bad.groovy", "risk maxLoss: 0.1\n"))
                .hasMessageStartingWith("bad.groovy:1: risk has no limit 'maxLoss'");
    }
}
