package io.tradeshell.dsl;

import static io.tradeshell.dsl.ScriptBehaviourTest.DAY;
import static io.tradeshell.dsl.ScriptBehaviourTest.bars;
import static io.tradeshell.dsl.ScriptBehaviourTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.run.RunResult;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reading other symbols and higher timeframes from a script. A script shows what it read by
 * buying that many units, so the fills say it; every figure is worked out by hand.
 */
class CrossSymbolWordsTest {

    @Test
    void anotherSymbolsCloseAndArithmeticAcrossSymbols() {
        String src = """
                def ratio = close('KO') / close('PEP')
                onBar {
                    if (symbol == 'KO' && index == 1) buy(close('PEP').value)
                    if (symbol == 'KO' && index == 2) buy(ratio.value * 100)
                }
                """;
        RunResult r = ScriptBehaviourTest.runWithCash(1_000_000, src, Map.of(), bars("KO", 60, 62, 63, 64), bars("PEP", 20, 25, 30, 40));
        // at KO's bar 1, PEP's bar 1 (same day) has closed too: 25; at bar 2 the ratio is 63 / 30 = 2.1
        assertThat(r.fills()).extracting(Fill::qty).containsExactly(25.0, 210.0);
    }

    @Test
    void indicatorsOverAnotherSymbolRunOnThatSymbolsOwnBars() {
        // B has no bar on day 1: its 2-bar SMA at A's day 3 is over B's days 2 and 3, (30 + 50) / 2
        BarSeries a = bars("A", 1, 1, 1, 1, 1);
        BarSeries b = new BarSeries("B", Duration.ofDays(1), 2, 3);
        b.append(0, 10, 11, 9, 10, 1);
        b.append(2 * DAY, 30, 31, 29, 30, 1);
        b.append(3 * DAY, 50, 51, 49, 50, 1);
        String src = """
                def s = sma(close('B'), 2)
                def prev = previous(close('B'))
                def bb = bollinger(close('B'), 2)
                onBar {
                    if (symbol == 'A' && index == 1) assert Double.isNaN(s.value)   // B's day 0 only: still warming up, NaN (no order)
                    if (symbol == 'A' && index == 2) { buy(s.value); buy(bb.middle.value) } // (10 + 30) / 2 = 20, twice
                    if (symbol == 'A' && index == 3) buy(s.value + prev.value) // 40 + B's bar before its last, 30
                }
                """;
        RunResult r = run(src, Map.of(), a, b);
        assertThat(r.fills()).extracting(Fill::qty).containsExactly(20.0, 20.0, 70.0);
    }

    @Test
    void barsOfAnotherSymbolHoldOnlyItsClosedBars() {
        String src = """
                onBar { if (symbol == 'A' && index == 2) buy(bars('B').size() * 10 + bars('B').close(bars('B').size() - 1)) }
                """;
        RunResult r = run(src, Map.of(), bars("A", 1, 1, 1, 1), bars("B", 5, 6, 7, 8));
        assertThat(r.fills()).extracting(Fill::qty).containsExactly(37.0); // 3 bars of B so far, the last closing 7
    }

    @Test
    void anUnknownSymbolIsAScriptErrorNamingIt() {
        String src = """
                title 'x'
                def x = close('XLKK')
                """;
        assertThatThrownBy(() -> run(src, Map.of(), bars("XLK", 1, 2), bars("XLE", 1, 2)))
                .isInstanceOf(ScriptException.class)
                .hasMessage("test.groovy:2: unknown symbol 'XLKK' (did you mean 'XLK'?): this run has XLK, XLE");
    }

    /** 4-hour bars from Monday 2024-01-01, close = 100 + index. */
    private static BarSeries fourHour(int n) {
        long monday = 1_704_067_200_000L;
        BarSeries s = new BarSeries("BTC", Duration.ofHours(4), 0, n);
        for (int i = 0; i < n; i++) s.append(monday + i * 4 * 3_600_000L, 100 + i, 100 + i, 100 + i, 100 + i, 1);
        return s;
    }

    @Test
    void timeframeBlocksAndOnReadTheLastCompletedPeriod() {
        String src = """
                def weekly = timeframe('1w') { sma(close, 2) }
                def daily = close.on('1d')
                def sixBars = on(high, '6 bars')
                onBar {
                    if (index == 40) buy(1 + (daily.value == 135 ? 1 : 0) + (weekly.value.isNaN() ? 10 : 0) + (sixBars.value == 135 ? 100 : 0))
                    if (index == 124) buy(weekly.value)
                }
                """;
        RunResult r = ScriptBehaviourTest.runWithCash(1_000_000, src, Map.of(), fourHour(126));
        // bar 40 (Sunday 16:00): day 6 is in progress, day 5 closed with bar 35 (135); no week has
        // closed; the sixth group of six bars ended with bar 35 too. Bar 124 is in week 3: weeks 1
        // and 2 closed with bars 41 and 83, so the 2-week SMA is (141 + 183) / 2 = 162
        assertThat(r.fills()).extracting(Fill::qty).containsExactly(112.0, 162.0);
    }

    @Test
    void aTimeframeBlockMustEndWithAnIndicatorOfItsBars() {
        assertThatThrownBy(() -> run("def w = timeframe('1w') { 5 }", Map.of(), fourHour(3)))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("test.groovy:1: timeframe('1w') { ... } must end with an indicator built in it");
        assertThatThrownBy(() -> run("def w = close.on('fortnight')", Map.of(), fourHour(3)))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("test.groovy:1: unknown timeframe 'fortnight'");
    }

    @Test
    void aWeeklyFilterOnlyTradesWhileTheLastCompletedWeekIsAboveItsAverage() {
        String src = """
                def weeklyUp = over(close.on('1w'), timeframe('1w') { sma(close, 2) })
                buyWhen weeklyUp, qty: 1
                sellWhen not(weeklyUp)
                """;
        RunResult r = run(src, Map.of(), fourHour(126));
        // the first time two weeks have closed is bar 83 (141 then 183, SMA 162 < 183): buy at bar 84's open
        assertThat(r.fills()).extracting(Fill::price).containsExactly(184.0);
        assertThat(r.metrics().finalEquity()).isCloseTo(10_000 - 184 + 225, within(1e-9));
    }

    @Test
    void aLongerPeriodFileOfTheSameSymbolServesThatTimeframe() {
        // 4-hour BTC bars traded; a daily BTC file (closes 7, 8, 9) answers close.on('1d')
        BarSeries daily = new BarSeries("BTC", Duration.ofDays(1), 0, 3);
        long monday = 1_704_067_200_000L;
        for (int d = 0; d < 3; d++) daily.append(monday + d * DAY, 7 + d, 7 + d, 7 + d, 7 + d, 1);
        String src = """
                def d = close.on('1d')
                onBar {
                    if (index == 4) assert Double.isNaN(d.value)   // day 0 is still open: NaN, no order
                    if (index == 5) buy(d.value)         // its last 4-hour bar closed with day 0: 7
                    if (index == 11) buy(d.value)        // day 1: 8
                }
                """;
        RunResult r = run(src, Map.of(), fourHour(18), daily);
        assertThat(r.fills()).extracting(Fill::symbol, Fill::qty).containsExactly(
                org.assertj.core.groups.Tuple.tuple("BTC", 7.0), org.assertj.core.groups.Tuple.tuple("BTC", 8.0));
    }
}
