package io.tradeshell.dsl;

import static io.tradeshell.dsl.ScriptBehaviourTest.bars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.run.RunResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The portfolio section on small hand-made universes, each fill worked out by hand. */
class PortfolioSectionTest {

    @Test
    void holdsTheBestOneBarGainerAndRotatesAtTheNextOpen() {
        String src = """
                params lookback: 1
                portfolio(schedule: 'bar') {
                    targetWeights(equalWeight(top(1, symbols) { String s -> value(roc(close(s), lookback)) }))
                }
                """;
        // bar 0: no ROC yet. bar 1: A +10%, B +5% -> A. bar 2: A 0%, B +9.5% -> B. bar 3: B keeps leading.
        RunResult r = ScriptBehaviourTest.run(src, Map.of(),
                bars("A", 10, 11, 11, 11, 11),
                bars("B", 20, 21, 23, 23.1, 25));
        // 10,000 cash, 1% buffer: 9,900 / A's close 11 = 900 A at bar 2's open (11);
        // bar 2: equity 10,000 -> sell 900 A at bar 3's open (11) and buy 9,900 / 23 = 430 B at 23.1;
        // bar 3: 9,900 / 23.1 = 428 B wanted, a change of 2 x 23.1 = 46.2, under the 0.5% tolerance (50).
        assertThat(r.fills()).extracting(Fill::symbol, Fill::side, Fill::qty, Fill::price).containsExactly(
                tuple("A", Side.BUY, 900.0, 11.0),
                tuple("A", Side.SELL, 900.0, 11.0),
                tuple("B", Side.BUY, 430.0, 23.1));
        assertThat(r.metrics().finalEquity()).isCloseTo(10_000 - 430 * 23.1 + 430 * 25, within(1e-9));
    }

    @Test
    void pairsZScoreEntersDollarNeutralAndExitsWhenTheRatioComesBack() throws Exception {
        String src = java.nio.file.Files.readString(SectorRotationAgainstPlainLoopTest.ROOT.resolve("strategies/pairs_zscore.groovy"));
        // log(A / B) with B at 10: z over 3 bars (population deviation) is, from bar 2 on,
        // -1.229, 0.008, 1.066, 1.413, 0.475, -1.391, -0.766, 0.707 (checked by hand and in a spreadsheet)
        RunResult r = ScriptBehaviourTest.run(src, Map.of("a", "A", "b", "B", "window", 3, "entry", 1.2, "exit", 0.5),
                bars("A", 10, 10.2, 9.8, 10, 10.1, 12.5, 12.0, 10.1, 10, 10.1),
                bars("B", 10, 10, 10, 10, 10, 10, 10, 10, 10, 10));
        assertThat(r.fills()).extracting(Fill::symbol, Fill::side, Fill::qty, Fill::price).containsExactly(
                // bar 2, z -1.229: A cheap. 9,900 / 2 at A 9.8 = 505 long, at B 10 = 495 short; filled at bar 3's open
                // (the short was placed first; at one open, fills come in the order of the run's symbols)
                tuple("A", Side.BUY, 505.0, 10.0), tuple("B", Side.SELL, 495.0, 10.0),
                // bar 3, z 0.008: both legs closed at bar 4's open (A 10.1): +50.50
                tuple("A", Side.SELL, 505.0, 10.1), tuple("B", Side.BUY, 495.0, 10.0),
                // bar 5, z 1.413: A rich. Equity 10,050.50 less 1%: 4,974.9975 / 12.5 = 397 A short, / 10 = 497 B long
                tuple("A", Side.SELL, 397.0, 12.0), tuple("B", Side.BUY, 497.0, 10.0),
                // bar 6, z 0.475: closed at bar 7's open: 397 x (12.0 - 10.1) = +754.30
                tuple("A", Side.BUY, 397.0, 10.1), tuple("B", Side.SELL, 497.0, 10.0),
                // bar 7, z -1.391: equity 10,804.80 less 1%: 5,348.376 / 10.1 = 529 A long, / 10 = 534 B short
                tuple("A", Side.BUY, 529.0, 10.0), tuple("B", Side.SELL, 534.0, 10.0));
        assertThat(r.trades()).hasSize(4);
        assertThat(r.metrics().finalEquity()).isCloseTo(10_804.80 + 529 * 0.1, within(1e-6));
    }

    @Test
    void aPortfolioSectionCannotReadABarThatHasNotClosed() {
        String src = """
                portfolio {
                    double ahead = close('A').value(close('A').series().size())
                }
                """;
        assertThatThrownBy(() -> ScriptBehaviourTest.run(src, Map.of(), bars("A", 10, 11, 12), bars("B", 20, 21, 22)))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("test.groovy:2")
                .hasMessageContaining("has not closed yet");
    }

    @Test
    void anIndicatorAskedForAgainIsTheSameOneBuiltOnce() {
        String src = """
                portfolio {
                    if (!roc(close('A'), 2).is(roc(close('A'), 2))) throw new IllegalStateException('built twice')
                    if (roc(close('A'), 2).is(roc(close('B'), 2))) throw new IllegalStateException('symbols mixed up')
                }
                """;
        RunResult r = ScriptBehaviourTest.run(src, Map.of(), bars("A", 10, 11, 12), bars("B", 20, 21, 22));
        assertThat(r.fills()).isEmpty();
    }

    @Test
    void anUnknownScheduleOrSymbolIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> ScriptBehaviourTest.run("portfolio(schedule: 'fortnightly') { }", Map.of(), bars("A", 10, 11)))
                .isInstanceOf(ScriptException.class).hasMessageContaining("unknown schedule 'fortnightly'");
        assertThatThrownBy(() -> ScriptBehaviourTest.run("portfolio {\n targetWeights(XLK: 1)\n}", Map.of(), bars("A", 10, 11)))
                .isInstanceOf(ScriptException.class).hasMessageContaining("test.groovy:2").hasMessageContaining("unknown symbol 'XLK'");
    }
}
