package io.tradeshell.dsl;

import static io.tradeshell.dsl.ScriptBehaviourTest.bars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import io.tradeshell.engine.broker.Fill;
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
}
