package io.tradeshell.engine.run;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.trade.ClosedTrade;
import io.tradeshell.engine.trade.PositionSide;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.tradeshell.engine.run.Runs.DAY;
import static io.tradeshell.engine.run.Runs.FREE;
import static io.tradeshell.engine.run.Runs.START;
import static io.tradeshell.engine.run.Runs.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** One symbol, eight hand-made bars, a strategy that buys 10 at bar 2's close and sells at bar 5's close. */
class TradingLoopTest {
    private static final double EPS = 1e-9;

    static BarSeries eightBars() {
        return Runs.daily("X", START,
                bar(100, 101, 99, 100),
                bar(100, 102, 99, 101),
                bar(101, 103, 100, 102),
                bar(103, 105, 102, 104),
                bar(104, 107, 103, 106),
                bar(106, 108, 105, 107),
                bar(108, 109, 106, 107.5),
                bar(107, 108, 105, 106));
    }

    /** What the strategy saw at each close: bars available and position. */
    private final List<double[]> seen = new ArrayList<>();

    RunSpec buyAtTwoSellAtFive(FillTiming timing) {
        var f = Runs.factory("buy at 2, sell at 5", ctx -> Runs.each(i -> {
            seen.add(new double[] {i, ctx.bars().size(), ctx.position()});
            if (i == 2) ctx.submit(OrderRequest.market("X", Side.BUY, 10, "entry"));
            if (i == 5) ctx.submit(OrderRequest.market("X", Side.SELL, 10, "exit"));
        }));
        var x = FREE.withFillTiming(timing).withCommission(new CommissionModel.PercentOfNotional(0.001)).withSlippage(new Slippage(10));
        return Runs.spec(f, x, 10_000, eightBars());
    }

    @Test
    void ordersDecidedAtClosesFillAtTheNextOpensAndTheEquityLineFollowsCashPlusPosition() {
        Runs.Tape tape = new Runs.Tape();
        RunResult r = Backtest.run(buyAtTwoSellAtFive(FillTiming.NEXT_OPEN), tape);

        // entry at bar 3's open: 103 x 1.001 = 103.103; commission 0.1% of 1031.03 = 1.03103
        // exit at bar 6's open: 108 x 0.999 = 107.892; commission 0.1% of 1078.92 = 1.07892
        assertThat(r.fills()).hasSize(2);
        Fill in = r.fills().get(0), out = r.fills().get(1);
        assertThat(in.time()).isEqualTo(START + 3 * DAY);
        assertThat(in.price()).isCloseTo(103.103, within(EPS));
        assertThat(in.commission()).isCloseTo(1.03103, within(EPS));
        assertThat(out.time()).isEqualTo(START + 6 * DAY);
        assertThat(out.price()).isCloseTo(107.892, within(EPS));
        assertThat(out.commission()).isCloseTo(1.07892, within(EPS));

        // pnl (107.892 - 103.103) x 10 - 1.03103 - 1.07892 = 47.89 - 2.10995 = 45.78005
        ClosedTrade t = r.trades().get(0);
        assertThat(r.trades()).hasSize(1);
        assertThat(t.side()).isEqualTo(PositionSide.LONG);
        assertThat(t.pnl()).isCloseTo(45.78005, within(EPS));
        assertThat(t.commission()).isCloseTo(2.10995, within(EPS));
        assertThat(t.barsHeld()).isEqualTo(3);
        assertThat(t.entryTime()).isEqualTo(Instant.ofEpochMilli(START + 3 * DAY));
        assertThat(t.exitTime()).isEqualTo(Instant.ofEpochMilli(START + 6 * DAY));

        // cash after the entry: 10000 - 1031.03 - 1.03103 = 8967.93897
        // after the exit: 8967.93897 + 1078.92 - 1.07892 = 10045.78005
        double inCash = 8967.93897, outCash = 10045.78005;
        double[] closes = {100, 101, 102, 104, 106, 107, 107.5, 106};
        double[] expected = {10_000, 10_000, 10_000, inCash + 1040, inCash + 1060, inCash + 1070, outCash, outCash};
        assertThat(r.curve().time()).containsExactly(START, START + DAY, START + 2 * DAY, START + 3 * DAY,
                START + 4 * DAY, START + 5 * DAY, START + 6 * DAY, START + 7 * DAY);
        for (int i = 0; i < 8; i++) {
            assertThat(r.curve().equity()[i]).as("equity at bar %d", i).isCloseTo(expected[i], within(EPS));
            double[] point = tape.equity.get(i);
            assertThat(point[1]).as("cash at bar %d", i).isCloseTo(i < 3 ? 10_000 : i < 6 ? inCash : outCash, within(EPS));
            double exposure = i >= 3 && i < 6 ? 10 * closes[i] / expected[i] : 0;
            assertThat(point[2]).as("exposure at bar %d", i).isCloseTo(exposure, within(EPS));
            // buy and hold of the starting cash from the first close, 100
            assertThat(point[3]).as("benchmark at bar %d", i).isCloseTo(10_000 * closes[i] / 100, within(EPS));
        }
        assertThat(r.metrics().finalEquity()).isCloseTo(outCash, within(EPS));
        assertThat(r.metrics().commissions()).isCloseTo(2.10995, within(EPS));
        assertThat(r.openPositions()).isEmpty();
    }

    @Test
    void theStrategySeesOnlyClosedBarsAndTheFillBeforeTheNextClose() {
        Backtest.run(buyAtTwoSellAtFive(FillTiming.NEXT_OPEN));
        // {bar, bars readable, position}
        assertThat(seen).hasSize(8);
        for (double[] s : seen) assertThat(s[1]).isEqualTo(s[0] + 1);
        assertThat(seen.get(2)[2]).isZero();
        assertThat(seen.get(3)[2]).isEqualTo(10.0);
        assertThat(seen.get(5)[2]).isEqualTo(10.0);
        assertThat(seen.get(6)[2]).isZero();
    }

    @Test
    void closeTimingFillsAtTheDecidingBarsCloseAndSaysSo() {
        RunResult r = Backtest.run(buyAtTwoSellAtFive(FillTiming.CLOSE));
        // entry 102 x 1.001 = 102.102 at bar 2's close time; exit 107 x 0.999 = 106.893 at bar 5's close time
        assertThat(r.fills()).extracting(Fill::price).satisfiesExactly(
                p -> assertThat(p).isCloseTo(102.102, within(EPS)),
                p -> assertThat(p).isCloseTo(106.893, within(EPS)));
        assertThat(r.fills()).extracting(Fill::time).containsExactly(START + 3 * DAY, START + 6 * DAY);
        // the position is held from bar 2's close and marked at that close, 102, not at the fill price:
        // 10000 - 1021.02 - 1.02102 + 10 x 102 = 9997.95898
        assertThat(r.curve().equity()[2]).isCloseTo(9997.95898, within(EPS));
        assertThat(r.assumptions().get(0)).startsWith("OPTIMISTIC");
    }
}
