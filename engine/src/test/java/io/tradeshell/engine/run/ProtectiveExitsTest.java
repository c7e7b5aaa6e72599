package io.tradeshell.engine.run;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderStatus;
import io.tradeshell.engine.events.TradingEvent.OrderCancelled;
import io.tradeshell.engine.events.TradingEvent.OrderReplaced;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.strategy.ExitPlan;
import io.tradeshell.engine.strategy.ExitPlan.Offset.Percent;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

import static io.tradeshell.engine.run.Runs.DAY;
import static io.tradeshell.engine.run.Runs.FREE;
import static io.tradeshell.engine.run.Runs.START;
import static io.tradeshell.engine.run.Runs.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Stop-loss, take-profit and trailing stop as real orders, checked against hand-made bars. */
class ProtectiveExitsTest {
    private static final double EPS = 1e-9;

    /** Buys 10 at bar 1's close (so it fills at bar 2's open), keeping {@code plan} on the position. */
    static RunResult run(ExitPlan plan, ExecutionSettings x, Runs.Tape tape, IntConsumer more, BarSeries bars) {
        return run(plan, x, tape, more, bars, new TradingContextHolder());
    }

    static RunResult run(ExitPlan plan, ExecutionSettings x, Runs.Tape tape, IntConsumer more, BarSeries bars, TradingContextHolder holder) {
        var f = Runs.factory("protected", ctx -> {
            holder.ctx = ctx;
            ctx.exitPlan(plan);
            return Runs.each(i -> {
                if (i == 1) ctx.submit(OrderRequest.market("X", Side.BUY, 10, "entry"));
                more.accept(i);
            });
        });
        return Backtest.run(Runs.spec(f, x, 10_000, bars), tape);
    }

    static RunResult run(ExitPlan plan, Runs.Tape tape, BarSeries bars) {
        return run(plan, FREE, tape, i -> { }, bars);
    }

    @Test
    void stopLossWorksFromTheBarAfterTheEntryAndSellsAtTheStop() {
        Runs.Tape tape = new Runs.Tape();
        RunResult r = run(ExitPlan.NONE.withStopLoss(new Percent(0.05)), tape, Runs.daily("X", START,
                bar(100, 101, 99, 100),
                bar(100, 101, 99, 100),
                bar(100, 101, 94, 99),     // entry at 100; stop 100 x 0.95 = 95, not yet working on this bar
                bar(98, 99, 94.5, 96),     // the stop fills at 95
                bar(96, 97, 90, 91)));
        assertThat(r.fills()).extracting(Fill::price).containsExactly(100.0, 95.0);
        assertThat(r.fills().get(1).time()).isEqualTo(START + 3 * DAY);
        assertThat(r.fills().get(1).tag()).isEqualTo("stopLoss");
        // (95 - 100) x 10 = -50
        assertThat(r.trades()).singleElement().satisfies(t -> assertThat(t.pnl()).isCloseTo(-50, within(EPS)));
        assertThat(r.openPositions()).isEmpty();
    }

    @Test
    void takeProfitFillsAtItsLimitAndCancelsTheStopLoss() {
        Runs.Tape tape = new Runs.Tape();
        RunResult r = run(ExitPlan.NONE.withStopLoss(new Percent(0.05)).withTakeProfit(new Percent(0.10)), tape, Runs.daily("X", START,
                bar(100, 101, 99, 100),
                bar(100, 101, 99, 100),
                bar(100, 104, 99, 103),    // entry at 100: stop 95, take-profit 110
                bar(104, 111, 103, 109),   // reaches 110
                bar(96, 97, 90, 91)));     // would have hit the stop
        assertThat(r.fills()).extracting(Fill::price).containsExactly(100.0, 110.0);
        assertThat(r.fills().get(1).tag()).isEqualTo("takeProfit");
        // (110 - 100) x 10 = 100
        assertThat(r.trades()).singleElement().satisfies(t -> assertThat(t.pnl()).isCloseTo(100, within(EPS)));
        assertThat(tape.of(OrderCancelled.class)).singleElement().satisfies(c -> {
            assertThat(c.order().request().tag()).isEqualTo("stopLoss");
            assertThat(c.reason()).contains("one-cancels-other");
        });
    }

    @Test
    void aGapOverTheTakeProfitTakesTheProfitAtTheOpenEvenIfTheBarLaterFallsThroughTheStop() {
        RunResult r = run(ExitPlan.NONE.withStopLoss(new Percent(0.05)).withTakeProfit(new Percent(0.10)), new Runs.Tape(),
                Runs.daily("X", START,
                        bar(100, 101, 99, 100),
                        bar(100, 101, 99, 100),
                        bar(100, 104, 99, 103),    // entry at 100: stop 95, take-profit 110
                        bar(112, 113, 94, 96)));   // opens over 110, then trades down to 94
        assertThat(r.fills()).extracting(Fill::tag, Fill::price)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("entry", 100.0), org.assertj.core.groups.Tuple.tuple("takeProfit", 112.0));
        // (112 - 100) x 10 = 120
        assertThat(r.trades()).singleElement().satisfies(t -> assertThat(t.pnl()).isCloseTo(120, within(EPS)));
    }

    @Test
    void trailingStopMovesOnlyInTheProfitsDirectionAtEachClose() {
        Runs.Tape tape = new Runs.Tape();
        RunResult r = run(ExitPlan.NONE.withTrailingStop(new Percent(0.10)), tape, Runs.daily("X", START,
                bar(100, 101, 99, 100),
                bar(100, 101, 99, 100),
                bar(100, 106, 99, 105),    // entry at 100: stop 90; close 105 moves it to 105 - 10.5 = 94.5
                bar(106, 121, 105, 120),   // close 120: 120 - 12 = 108
                bar(118, 119, 112, 115),   // close 115 would give 103.5: lower, so it stays at 108
                bar(114, 116, 107, 110),   // trades through 108: filled there
                bar(110, 111, 100, 101)));
        assertThat(tape.of(OrderReplaced.class)).extracting(e -> e.order().request().stopPrice())
                .satisfiesExactly(p -> assertThat(p).isCloseTo(94.5, within(EPS)), p -> assertThat(p).isCloseTo(108, within(EPS)));
        assertThat(r.fills()).extracting(Fill::tag).containsExactly("entry", "trailingStop");
        assertThat(r.fills().get(1).price()).isCloseTo(108, within(EPS));
        assertThat(r.fills().get(1).time()).isEqualTo(START + 5 * DAY);
        // (108 - 100) x 10 = 80
        assertThat(r.trades()).singleElement().satisfies(t -> assertThat(t.pnl()).isCloseTo(80, within(EPS)));
    }

    @Test
    void aShortPositionsTrailingStopFollowsTheCloseDown() {
        Runs.Tape tape = new Runs.Tape();
        TradingContextHolder ctx = new TradingContextHolder();
        var f = Runs.factory("short trail", c -> {
            ctx.ctx = c;
            c.exitPlan(ExitPlan.NONE.withTrailingStop(new Percent(0.10)));
            return Runs.each(i -> {
                if (i == 1) ctx.submit(Side.SELL, 10, "entry");
            });
        });
        RunResult r = Backtest.run(Runs.spec(f, FREE, 10_000, Runs.daily("X", START,
                bar(100, 101, 99, 100),
                bar(100, 101, 99, 100),
                bar(100, 101, 79, 80),     // short 10 at 100: buy stop 110; close 80 moves it to 80 + 8 = 88
                bar(81, 86, 78, 85),       // 85 + 8.5 = 93.5 would be higher: it stays at 88
                bar(86, 89, 84, 88.5))),   // trades up through 88: bought back there
                tape);
        assertThat(tape.of(OrderReplaced.class)).extracting(e -> e.order().request().stopPrice())
                .singleElement().satisfies(p -> assertThat(p).isCloseTo(88, within(EPS)));
        assertThat(r.fills()).extracting(Fill::tag, Fill::side, Fill::price).containsExactly(
                org.assertj.core.groups.Tuple.tuple("entry", Side.SELL, 100.0),
                org.assertj.core.groups.Tuple.tuple("trailingStop", Side.BUY, 88.0));
        // (100 - 88) x 10 = 120
        assertThat(r.trades()).singleElement().satisfies(t -> assertThat(t.pnl()).isCloseTo(120, within(EPS)));
    }

    @Test
    void aShortPositionGetsItsStopAboveAndItsTargetBelow() {
        Runs.Tape tape = new Runs.Tape();
        var f = Runs.factory("short", ctx -> {
            ctx.exitPlan(ExitPlan.NONE.withStopLoss(new Percent(0.05)).withTakeProfit(new Percent(0.10)));
            return Runs.each(i -> {
                if (i == 1) ctx.submit(OrderRequest.market("X", Side.SELL, 10, "entry"));
            });
        });
        RunResult r = Backtest.run(Runs.spec(f, FREE, 10_000, Runs.daily("X", START,
                bar(100, 101, 99, 100),
                bar(100, 101, 99, 100),
                bar(100, 101, 97, 98),     // short at 100: buy stop 105, buy limit 90
                bar(98, 99, 91, 92),
                bar(92, 93, 89, 90))), tape);
        assertThat(r.fills()).extracting(Fill::side).containsExactly(Side.SELL, Side.BUY);
        assertThat(r.fills().get(1).price()).isEqualTo(90.0);
        assertThat(r.fills().get(1).tag()).isEqualTo("takeProfit");
        // (100 - 90) x 10 = 100 on a short
        assertThat(r.trades()).singleElement().satisfies(t -> assertThat(t.pnl()).isCloseTo(100, within(EPS)));
        // equity on bar 3 (close 92): cash 10000 + 1000, less 10 x 92 = 10080
        assertThat(r.curve().equity()[3]).isCloseTo(10_080, within(EPS));
    }

    @Test
    void aStrategyExitOfTheWholePositionCancelsTheProtectiveOrdersAtOnce() {
        BarSeries gapDown = Runs.daily("X", START,
                bar(100, 101, 99, 100),
                bar(100, 101, 99, 100),
                bar(100, 101, 99, 100),
                bar(100, 101, 99, 100),
                bar(90, 91, 85, 86));
        ExitPlan stop = ExitPlan.NONE.withStopLoss(new Percent(0.05));
        // no exit decided: the stop sells on the gap, at the open 90
        assertThat(run(stop, new Runs.Tape(), gapDown).fills()).extracting(Fill::price).containsExactly(100.0, 90.0);

        Runs.Tape tape = new Runs.Tape();
        final TradingContextHolder ctx = new TradingContextHolder();
        RunResult r = run(stop, FREE, tape, i -> {
            if (i == 3) ctx.submitSell();
        }, gapDown, ctx);
        // the stop was cancelled when the exit was decided at bar 3's close, so only the exit sells: flat, not short
        assertThat(r.fills()).extracting(Fill::tag).containsExactly("entry", "exit");
        assertThat(r.openPositions()).isEmpty();
        assertThat(tape.of(OrderCancelled.class)).singleElement().satisfies(c -> {
            assertThat(c.order().request().tag()).isEqualTo("stopLoss");
            assertThat(c.time()).isEqualTo(START + 4 * DAY);
        });
    }

    @Test
    void anEntryFilledInPartsIsProtectedInFullOnTheBarOfItsLastPart() {
        // a fill takes at most 10% of a bar's volume
        ExecutionSettings capped = FREE.withRealism(0, 0.1, 0, 1);
        RunResult r = run(ExitPlan.NONE.withStopLoss(new Percent(0.05)), capped, new Runs.Tape(), i -> { }, Runs.daily("X", START,
                bar(100, 101, 99, 100, 1000),
                bar(100, 101, 99, 100, 1000),
                bar(100, 101, 99, 100, 40),      // 4 of 10 bought at 100; a stop for 4 at 95
                bar(100, 101, 90, 91, 1000),     // the other 6 at the open; the stop, now for 10, sells them all at 95
                bar(91, 92, 90, 91, 1000)));
        assertThat(r.fills()).extracting(Fill::tag, Fill::qty, Fill::price).containsExactly(
                org.assertj.core.groups.Tuple.tuple("entry", 4.0, 100.0),
                org.assertj.core.groups.Tuple.tuple("entry", 6.0, 100.0),
                org.assertj.core.groups.Tuple.tuple("stopLoss", 10.0, 95.0));
        assertThat(r.fills().get(2).time()).isEqualTo(START + 3 * DAY);
        // (95 - 100) x 10 = -50
        assertThat(r.trades()).singleElement().satisfies(t -> assertThat(t.pnl()).isCloseTo(-50, within(EPS)));
    }

    @Test
    void addingToAPositionKeepsTheTrailingLevelAndMovesTheStopLossToTheNewAverage() {
        Runs.Tape tape = new Runs.Tape();
        TradingContextHolder ctx = new TradingContextHolder();
        RunResult r = run(ExitPlan.NONE.withStopLoss(new Percent(0.05)).withTrailingStop(new Percent(0.10)), FREE, tape, i -> {
            if (i == 3) ctx.submit(Side.BUY, 10, "add");
        }, Runs.daily("X", START,
                bar(100, 101, 99, 100),
                bar(100, 101, 99, 100),
                bar(100, 121, 99, 120),    // 10 at 100: stop-loss 95, trailing 90, moved at the close to 120 - 12 = 108
                bar(119, 120, 115, 118),   // 118 - 11.8 = 106.2 is lower: the trailing stop stays at 108; add 10
                bar(118, 119, 107, 110),   // 10 more at 118, average 109: stop-loss 109 x 0.95 = 103.55; trailing sells 20 at 108
                bar(110, 111, 109, 110)), ctx);
        assertThat(r.fills()).extracting(Fill::tag, Fill::qty, Fill::price).containsExactly(
                org.assertj.core.groups.Tuple.tuple("entry", 10.0, 100.0),
                org.assertj.core.groups.Tuple.tuple("add", 10.0, 118.0),
                org.assertj.core.groups.Tuple.tuple("trailingStop", 20.0, 108.0));
        var resized = tape.of(OrderReplaced.class).stream().filter(e -> e.time() == START + 4 * DAY).map(e -> e.order().request()).toList();
        assertThat(resized).hasSize(2);
        assertThat(resized.get(0).tag()).isEqualTo("stopLoss");
        assertThat(resized.get(0).qty()).isEqualTo(20.0);
        assertThat(resized.get(0).stopPrice()).isCloseTo(103.55, within(EPS));
        assertThat(resized.get(1).tag()).isEqualTo("trailingStop");
        assertThat(resized.get(1).qty()).isEqualTo(20.0);
        assertThat(resized.get(1).stopPrice()).isCloseTo(108, within(EPS));
        // average cost: (108 - 109) x 20 = -20
        assertThat(r.trades()).singleElement().satisfies(t -> assertThat(t.pnl()).isCloseTo(-20, within(EPS)));
    }

    @Test
    void aPartialExitAndAStopOnOneGapLeaveThePositionFlatNotShort() {
        TradingContextHolder ctx = new TradingContextHolder();
        RunResult r = run(ExitPlan.NONE.withStopLoss(new Percent(0.05)), FREE, new Runs.Tape(), i -> {
            if (i == 3) ctx.submit(Side.SELL, 5, "trim");
        }, Runs.daily("X", START,
                bar(100, 101, 99, 100),
                bar(100, 101, 99, 100),
                bar(100, 101, 99, 100),    // 10 at 100, stop-loss 95
                bar(100, 101, 99, 100),    // sell 5 decided
                bar(90, 91, 85, 86),       // the trim sells 5 at the open; the stop, now for 5, sells the rest there
                bar(86, 87, 85, 86)), ctx);
        assertThat(r.fills()).extracting(Fill::tag, Fill::qty, Fill::price).containsExactly(
                org.assertj.core.groups.Tuple.tuple("entry", 10.0, 100.0),
                org.assertj.core.groups.Tuple.tuple("trim", 5.0, 90.0),
                org.assertj.core.groups.Tuple.tuple("stopLoss", 5.0, 90.0));
        assertThat(r.openPositions()).isEmpty();
        // two trades of 5: (90 - 100) x 5 = -50 each
        assertThat(r.trades()).extracting(t -> t.pnl()).containsExactly(-50.0, -50.0);
    }

    @Test
    void underLatencyTheTrailingStopKeepsProtectingAtItsOldLevelWhileItIsMoved() {
        ExecutionSettings slow = FREE.withRealism(3_600_000, 0, 0, 1);
        RunResult r = run(ExitPlan.NONE.withTrailingStop(new Percent(0.10)), slow, new Runs.Tape(), i -> { }, Runs.daily("X", START,
                bar(100, 101, 99, 100),
                bar(100, 101, 99, 100),    // buy decided; an hour of latency skips bar 2
                bar(100, 101, 99, 100),
                bar(100, 121, 99, 120),    // 10 at 100, trailing stop 90; moved to 108 at the close, in force an hour later
                bar(118, 119, 85, 86),     // falls through both levels: the stop in force, 90, sells
                bar(86, 87, 80, 81)));
        assertThat(r.fills()).extracting(Fill::tag, Fill::price).containsExactly(
                org.assertj.core.groups.Tuple.tuple("entry", 100.0),
                org.assertj.core.groups.Tuple.tuple("trailingStop", 90.0));
        assertThat(r.fills().get(1).time()).isEqualTo(START + 4 * DAY);
    }

    @Test
    void anExitTheBrokerRejectsLeavesTheStopLossInPlace() {
        // find a seed whose first three draws accept the entry, accept the stop-loss and reject the exit
        double p = 0.5;
        long seed = 1;
        while (true) {
            java.util.SplittableRandom draws = new java.util.SplittableRandom(seed);
            if (draws.nextDouble() >= p && draws.nextDouble() >= p && draws.nextDouble() < p) break;
            seed++;
        }
        TradingContextHolder ctx = new TradingContextHolder();
        Runs.Tape tape = new Runs.Tape();
        RunResult r = run(ExitPlan.NONE.withStopLoss(new Percent(0.05)), FREE.withRealism(0, 0, p, seed), tape, i -> {
            if (i == 3) ctx.submitSell();
        }, Runs.daily("X", START,
                bar(100, 101, 99, 100),
                bar(100, 101, 99, 100),
                bar(100, 101, 99, 100),    // 10 at 100, stop-loss 95
                bar(100, 101, 99, 100),    // the exit is sent and rejected
                bar(96, 97, 94, 95)), ctx);
        assertThat(tape.of(io.tradeshell.engine.events.TradingEvent.OrderRejected.class)).singleElement()
                .satisfies(e -> assertThat(e.order().request().tag()).isEqualTo("exit"));
        assertThat(r.fills()).extracting(Fill::tag, Fill::price).containsExactly(
                org.assertj.core.groups.Tuple.tuple("entry", 100.0),
                org.assertj.core.groups.Tuple.tuple("stopLoss", 95.0));
    }

    @Test
    void aFlipFilledAtOnceUnderCloseFillsKeepsTheNewPositionsProtection() {
        TradingContextHolder ctx = new TradingContextHolder();
        ExecutionSettings atClose = FREE.withFillTiming(io.tradeshell.engine.execution.FillTiming.CLOSE);
        RunResult r = run(ExitPlan.NONE.withStopLoss(new Percent(0.05)), atClose, new Runs.Tape(), i -> {
            if (i == 2) ctx.submit(Side.SELL, 20, "flip");
        }, Runs.daily("X", START,
                bar(100, 101, 99, 100),
                bar(100, 101, 99, 100),    // 10 bought at this close, 100; stop-loss 95
                bar(100, 101, 99, 100),    // sell 20 at this close: short 10 at 100, buy stop 105
                bar(101, 106, 100, 104)),  // the short's stop buys at 105
                ctx);
        assertThat(r.fills()).extracting(Fill::tag, Fill::side, Fill::price).containsExactly(
                org.assertj.core.groups.Tuple.tuple("entry", Side.BUY, 100.0),
                org.assertj.core.groups.Tuple.tuple("flip", Side.SELL, 100.0),
                org.assertj.core.groups.Tuple.tuple("stopLoss", Side.BUY, 105.0));
        assertThat(r.openPositions()).isEmpty();
    }

    /** Lets a test's per-bar hook place orders through the strategy's context. */
    static final class TradingContextHolder {
        io.tradeshell.engine.strategy.TradingContext ctx;

        void submit(Side side, double qty, String tag) {
            ctx.submit(OrderRequest.market("X", side, qty, tag));
        }

        void submitSell() {
            submit(Side.SELL, 10, "exit");
        }
    }
}
