package io.tradeshell.engine.run;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.tradeshell.engine.run.Runs.DAY;
import static io.tradeshell.engine.run.Runs.FREE;
import static io.tradeshell.engine.run.Runs.START;
import static io.tradeshell.engine.run.Runs.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MultiSymbolRunTest {
    private static final double EPS = 1e-9;

    @Test
    void twoSymbolsShareOneCashAccountAndRecordOneEquityPointPerDistinctTime() {
        // A trades on days 0, 2, 4; B on days 1, 2, 3
        BarSeries a = Runs.bars("A", DAY, new long[] {START, START + 2 * DAY, START + 4 * DAY},
                bar(100, 101, 99, 100), bar(102, 103, 101, 102.5), bar(104, 105, 103, 104));
        BarSeries b = Runs.bars("B", DAY, new long[] {START + DAY, START + 2 * DAY, START + 3 * DAY},
                bar(50, 51, 49, 50), bar(51, 52, 50, 51.5), bar(52, 53, 51, 52.5));
        List<String> cashSeen = new ArrayList<>();
        var f = Runs.factory("both", ctx -> Runs.each(i -> {
            cashSeen.add(ctx.symbol() + i + "=" + ctx.cash());
            if (i == 0) ctx.submit(OrderRequest.market(ctx.symbol(), Side.BUY, ctx.symbol().equals("A") ? 10 : 20, "entry"));
        }));
        Runs.Tape tape = new Runs.Tape();
        RunResult r = Backtest.run(Runs.spec(f, FREE, 10_000, a, b), tape);

        // A's order from day 0 fills at A's day-2 open 102; B's from day 1 at B's day-2 open 51
        assertThat(r.fills()).extracting(Fill::symbol, Fill::price, Fill::time)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", 102.0, START + 2 * DAY),
                        org.assertj.core.groups.Tuple.tuple("B", 51.0, START + 2 * DAY));
        // one cash account: 10000 - 10 x 102 - 20 x 51 = 7960
        double cash = 10_000 - 1020 - 1020;
        assertThat(r.curve().time()).containsExactly(START, START + DAY, START + 2 * DAY, START + 3 * DAY, START + 4 * DAY);
        double[] expected = {
                10_000,
                10_000,
                cash + 10 * 102.5 + 20 * 51.5,   // 10015
                cash + 10 * 102.5 + 20 * 52.5,   // A unchanged since day 2: 10035
                cash + 10 * 104 + 20 * 52.5};    // 10050
        for (int i = 0; i < expected.length; i++) {
            assertThat(r.curve().equity()[i]).as("equity at point %d", i).isCloseTo(expected[i], within(EPS));
            assertThat(tape.equity.get(i)[1]).isCloseTo(i < 2 ? 10_000 : cash, within(EPS));
        }
        // buy and hold splits the cash in two from each symbol's first close: day 2 is 5000 x 1.025 + 5000 x 1.03
        assertThat(tape.equity.get(2)[3]).isCloseTo(5000 * 102.5 / 100 + 5000 * 51.5 / 50, within(EPS));
        // on day 2 both bars (and so both fills at their opens) are in before either strategy runs
        assertThat(cashSeen).containsExactly("A0=10000.0", "B0=10000.0", "A1=7960.0", "B1=7960.0", "B2=7960.0", "A2=7960.0");
    }

    @Test
    void barsOfDifferentPeriodsArriveInTheOrderTheyClose() {
        // A: daily bars opening at START and START+DAY (closing START+DAY and START+2DAY).
        // B: hourly bars opening at START+DAY and START+DAY+1h (closing 1h and 2h later).
        // Known in this order: A0 at START+DAY, B0, B1, and only then A1 at START+2DAY.
        BarSeries daily = Runs.daily("A", START, bar(100, 101, 99, 100), bar(100, 101, 99, 100));
        long hour = 3_600_000L;
        BarSeries hourly = Runs.bars("B", hour, new long[] {START + DAY, START + DAY + hour},
                bar(50, 51, 49, 50), bar(50, 51, 49, 50));
        java.util.List<String> seen = new java.util.ArrayList<>();
        var f = Runs.factory("mixed", ctx -> Runs.each(i -> seen.add(ctx.symbol() + i + "@" + (ctx.now() - START) / hour + "h")));
        Backtest.run(Runs.spec(f, FREE, 10_000, daily, hourly));
        assertThat(seen).containsExactly("A0@24h", "B0@25h", "B1@26h", "A1@48h");
    }

    @Test
    void anOrderPlacedAtOneSymbolsCloseDoesNotFillOnAnotherSymbolsBarOfTheSameTime() {
        BarSeries a = Runs.daily("A", START, bar(100, 101, 99, 100), bar(100, 101, 99, 100), bar(100, 101, 99, 100));
        BarSeries b = Runs.daily("B", START, bar(50, 51, 49, 50), bar(52, 53, 51, 52), bar(54, 55, 53, 54));
        var f = Runs.factory("cross", ctx -> Runs.each(i -> {
            if (ctx.symbol().equals("A") && i == 0) ctx.submit(OrderRequest.market("B", Side.BUY, 1, "entry"));
        }));
        RunResult r = Backtest.run(Runs.spec(f, FREE, 10_000, a, b));
        // decided after A's day-0 bar closed; B's day-0 bar was over by then, so B's day-1 open
        assertThat(r.fills()).singleElement().satisfies(fill -> {
            assertThat(fill.time()).isEqualTo(START + DAY);
            assertThat(fill.price()).isEqualTo(52.0);
        });
    }
}
