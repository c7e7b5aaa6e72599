package io.tradeshell.engine.run;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.indicators.SmaIndicator;
import io.tradeshell.engine.rules.Rule;
import io.tradeshell.engine.rules.Rules;
import io.tradeshell.engine.strategy.RuleStrategy;
import io.tradeshell.engine.strategy.Sizing;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

import static io.tradeshell.engine.run.Runs.DAY;
import static io.tradeshell.engine.run.Runs.FREE;
import static io.tradeshell.engine.run.Runs.START;
import static io.tradeshell.engine.run.Runs.bar;
import static org.assertj.core.api.Assertions.assertThat;

class RuleStrategyWarmupTest {

    /** Closes rise by 1 each bar, so the close is over its 3-bar average from bar 1 on. */
    private static RunResult run(BiFunction<PriceIndicator, SmaIndicator, Rule> buy, int extraWarmup) {
        var f = Runs.factory("warm-up", ctx -> {
            PriceIndicator close = new PriceIndicator(ctx.bars(), PriceIndicator.Column.CLOSE);
            SmaIndicator sma = new SmaIndicator(close, 3);
            var none = RuleStrategy.RuleSet.none();
            var rules = new RuleStrategy.RuleSet(Optional.of(buy.apply(close, sma)), new Sizing.Fixed(10), Optional.empty(),
                    Optional.empty(), none.shortSizing(), Optional.empty());
            return new RuleStrategy(ctx, rules, extraWarmup, null, null);
        });
        var bars = Runs.daily("X", START,
                bar(100, 100, 100, 100), bar(101, 101, 101, 101), bar(102, 102, 102, 102), bar(103, 103, 103, 103),
                bar(104, 104, 104, 104), bar(105, 105, 105, 105), bar(106, 106, 106, 106), bar(107, 107, 107, 107));
        return Backtest.run(Runs.spec(f, FREE, 10_000, bars));
    }

    @Test
    void noEntryBeforeTheRulesUnstableBars() {
        // SMA(3) is unstable for 2 bars; at bar 1 the close 101 is already over the 2-bar average 100.5
        RunResult r = run(Rules::over, 0);
        assertThat(r.warmupBars()).isEqualTo(2);
        // the first entry is decided at bar 2's close and fills at bar 3's open, 103
        assertThat(r.fills()).singleElement().satisfies(f -> {
            assertThat(f.time()).isEqualTo(START + 3 * DAY);
            assertThat(f.price()).isEqualTo(103.0);
        });
        assertThat(r.assumptions()).anySatisfy(a -> assertThat(a).startsWith("The first 2 bars are warm-up"));
    }

    @Test
    void anExtraWarmupLongerThanTheRulesWins() {
        RunResult r = run(Rules::over, 5);
        assertThat(r.warmupBars()).isEqualTo(5);
        assertThat(r.fills()).extracting(Fill::time).containsExactly(START + 6 * DAY);
    }
}
