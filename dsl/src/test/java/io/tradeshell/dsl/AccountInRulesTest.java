package io.tradeshell.dsl;

import static io.tradeshell.dsl.ScriptBehaviourTest.bars;
import static io.tradeshell.dsl.ScriptBehaviourTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.run.RunResult;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * {@code equity}, {@code cash}, {@code position} and {@code entryPrice} in the script body's
 * rules: each bar's value is the account at that bar's close. The account starts with 10,000;
 * bars have open = close and no costs, so every figure is worked out by hand.
 */
class AccountInRulesTest {
    private static final long DAY = 86_400_000L;

    @Test
    void equityCrossingALevelIsSeenAtTheBarItCrossesAndNotBefore() {
        String src = """
                onBar { if (index == 0) buy(100) }
                sellWhen crossedOver(equity, 10500)
                """;
        // 100 bought at bar 1's open, 10: equity 10,000 at bars 1 and 2 (close 10), 11,000 at bar 3 (close 20):
        // the crossing needs bar 2's equity as it was then, so the sale is decided at bar 3, filled at bar 4's 20
        RunResult r = run(src, Map.of(), bars("X", 10, 10, 10, 20, 20, 20));
        assertThat(r.fills()).extracting(Fill::side, Fill::price, Fill::time)
                .containsExactly(Tuple.tuple(Side.BUY, 10.0, DAY), Tuple.tuple(Side.SELL, 20.0, 4 * DAY));
    }

    @Test
    void anEntryCanRequireTheAccountAboveALevel() {
        String src = "buyWhen and(rising(close), over(equity, 10000)), qty: 1";
        // equity stays at 10,000, never over it: no entry although the close rises every bar
        assertThat(run(src, Map.of(), bars("X", 10, 11, 12, 13)).fills()).isEmpty();
        String enough = "buyWhen and(rising(close), over(cash, 9999)), qty: 1";
        // cash 10,000 > 9,999: the first rise (bar 1) enters at bar 2's open
        assertThat(run(enough, Map.of(), bars("X", 10, 11, 12, 13)).fills()).extracting(Fill::price).containsExactly(12.0);
    }

    @Test
    void positionIsTheSignedPositionAtEachClose() {
        String src = """
                buyWhen over(close, 0), qty: 10
                sellWhen over(position, 5)
                """;
        // flat at bar 0: buy, filled at bar 1's open; long 10 at bar 1's close: sell, filled at bar 2; and again
        RunResult r = run(src, Map.of(), bars("X", 1, 2, 3, 4, 5));
        assertThat(r.fills()).extracting(Fill::side, Fill::price).containsExactly(
                Tuple.tuple(Side.BUY, 2.0), Tuple.tuple(Side.SELL, 3.0), Tuple.tuple(Side.BUY, 4.0), Tuple.tuple(Side.SELL, 5.0));
        String shorts = """
                shortWhen over(close, 0), qty: 10
                coverWhen under(position, -5)
                """;
        assertThat(run(shorts, Map.of(), bars("X", 1, 2, 3)).fills()).extracting(Fill::side, Fill::price)
                .containsExactly(Tuple.tuple(Side.SELL, 2.0), Tuple.tuple(Side.BUY, 3.0));
    }

    @Test
    void entryPriceMakesATargetRule() {
        String src = """
                onBar { if (index == 0) buy(1) }
                sellWhen over(close, entryPrice * 1.1)
                """;
        // entry at bar 1's open, 10; the first close over 11 is bar 3's 11.5: sold at bar 4's open, 12
        RunResult r = run(src, Map.of(), bars("X", 10, 10, 10.5, 11.5, 12, 12));
        assertThat(r.trades()).singleElement().satisfies(t -> {
            assertThat(t.entryPrice()).isEqualTo(10.0);
            assertThat(t.exitPrice()).isEqualTo(12.0);
        });
    }

    @Test
    void aWordOnlyTheBlocksHaveSaysWhereItIs() {
        assertThatThrownBy(() -> new StrategyCompiler().compile("w.groovy", "w.groovy", "def b = bar.close\n"))
                .isInstanceOf(ScriptException.class)
                .hasMessage("w.groovy:1: 'bar' is available inside onBar { } and onTick { }, not in the script body");
        assertThatThrownBy(() -> new StrategyCompiler().compile("w.groovy", "w.groovy", "\nbuy(10)\n"))
                .hasMessage("w.groovy:2: 'buy' is available inside onBar { } and onTick { } (in the script body, entries and exits"
                        + " are declared with buyWhen, sellWhen, shortWhen, coverWhen), not in the script body");
        assertThatThrownBy(() -> new StrategyCompiler().compile("w.groovy", "w.groovy", "buyWhen over(price, 10)\n"))
                .hasMessageStartingWith("w.groovy:1: 'price' is available inside a sizing expression");
    }

    @Test
    void theAccountWordsNoLongerPretendToBeUnknown() {
        // equity, cash, position and entryPrice are series in the body: nothing to refuse, nothing to suggest
        new StrategyCompiler().compile("a.groovy", "a.groovy", "def e = equity\ndef c = cash\ndef p = position\ndef x = entryPrice\n");
        assertThatThrownBy(() -> new StrategyCompiler().compile("t.groovy", "t.groovy", "def e = equty\n"))
                .hasMessage("t.groovy:1: unknown name 'equty' (did you mean 'equity'?)");
    }
}
