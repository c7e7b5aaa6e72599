package io.tradeshell.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.run.RunResult;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The native indicator words and {@code ta(...)} in rules, onBar and arithmetic. */
class IndicatorWordsTest {

    /** A saw-tooth with a trend, so every oscillator moves. */
    static BarSeries bars() {
        BarSeries s = new BarSeries("X", Duration.ofDays(1), 2, 300);
        for (int i = 0; i < 300; i++) {
            double c = Math.round((100 + i * 0.1 + 8 * Math.sin(i / 6.0)) * 100) / 100.0;
            s.append(i * ScriptBehaviourTest.DAY, c, c + 1.5, c - 1.25, c + 0.25, 1000 + i);
        }
        return s;
    }

    @Test
    void nativeWordsWorkInRulesOnBarAndArithmetic() {
        String src = """
                def st = stochastic(14, 3)
                def a = adx(14)
                def k = keltner(20, 2)
                def d = donchian(20)
                def ich = ichimoku()
                def spread = hma(close, 16) - zlema(close, 10)
                buyWhen and(crossedOver(st.k, st.d), over(a.plusDi, 0)), qty: 1
                sellWhen or(crossedUnder(close, k.lower), crossedUnder(close, psar()))
                onBar {
                    if (index == 299) {
                        assert st.k.last() == st.k[0]
                        assert d.upper[0] >= d.lower[0]
                        assert !Double.isNaN(supertrend(10, 3)[0] + cci(20)[0] + williamsR(14)[0] + mfi(14)[0] + cmf(20)[0])
                        assert !Double.isNaN(aroon(25).oscillator[0] + zscore(close, 20)[0] + kama(close)[0] + dema(close, 10)[0] + tema(close, 10)[0])
                        assert !Double.isNaN(ich.senkouB[0] + spread[0] + (a * 2)[0])
                        assert ta('chandelierExitLong', 22, 3)[0] < high[0]
                        assert Math.abs(ta('ulcerIndex', close, 14).last() - ta('ulcerIndex', close, 14)[0]) == 0
                    }
                }
                """;
        RunResult r = ScriptBehaviourTest.run(src, Map.of(), bars());
        assertThat(r.trades()).isNotEmpty();
    }

    @Test
    void runsOfASweepShareTheNewIndicatorsAndGetTheSameResults() {
        String src = """
                params n: 14, m: 2
                def k = keltner(20, m)
                def st = stochastic(n, 3)
                def a = adx(n)
                buyWhen and(crossedOver(st.k, st.d), over(a.plusDi, 0), over(a, 0)), qty: 1
                sellWhen or(crossedUnder(close, ta('chandelierExitLong', 22, m)), crossedUnder(close, previous(donchian(n).lower, 1)),
                            crossedUnder(hma(close, n), k.middle))
                """;
        BarSeries bars = bars();
        var script = new StrategyCompiler().compile("sweep.groovy", "sweep.groovy", src);
        var cache = new io.tradeshell.engine.indicators.IndicatorCache();
        int trades = 0;
        for (int n : new int[] {10, 14}) {
            for (int m : new int[] {2, 3}) {
                var spec = new io.tradeshell.engine.run.RunSpec("s", script.withParams(Map.of("n", n, "m", m)),
                        java.util.List.of(new io.tradeshell.engine.run.DataInput(bars, "X", "")), ScriptBehaviourTest.NO_COSTS, 10_000,
                        io.tradeshell.engine.risk.RiskLimits.none(), 1);
                RunResult alone = io.tradeshell.engine.run.Backtest.run(spec);
                RunResult shared = io.tradeshell.engine.run.Backtest.run(spec.withIndicatorCache(cache));
                assertThat(shared.trades()).isEqualTo(alone.trades());
                assertThat(shared.curve().equity()).isEqualTo(alone.curve().equity());
                trades += alone.trades().size();
            }
        }
        assertThat(trades).isPositive();
        // keltner: 3 bands for each m; stochastic: %K and %D for each n; adx, +DI, -DI for each n; hma for each n;
        // chandelier for each m; donchian: 3 bands for each n
        assertThat(cache.size()).isEqualTo(2 * 3 + 2 * 2 + 2 * 3 + 2 + 2 + 2 * 3);
    }

    @Test
    void aMistypedTa4jNameSuggestsTheNearestOne() {
        assertThatThrownBy(() -> ScriptBehaviourTest.run("def x = ta('chandelierExitLnog', 22, 3)", Map.of(), bars()))
                .hasMessageContaining("no ta4j indicator 'chandelierExitLnog' (did you mean 'chandelierExitLong'?)")
                .hasMessageContaining("test.groovy:1");
    }

    @Test
    void tooManyValuesForATa4jIndicatorNameItsParameters() {
        assertThatThrownBy(() -> ScriptBehaviourTest.run("def x = ta('ulcerIndex', close, 14, 3)", Map.of(), bars()))
                .hasMessageContaining("ulcerIndex(indicator=close, barCount) takes at most 2 value(s), got 3");
    }
}
