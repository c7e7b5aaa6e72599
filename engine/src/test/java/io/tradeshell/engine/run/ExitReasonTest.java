package io.tradeshell.engine.run;

import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.journal.RunSummary;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.trade.ClosedTrade;
import io.tradeshell.engine.trade.ExitReason;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.strategy.ExitPlan;
import io.tradeshell.engine.strategy.ExitPlan.Offset.Percent;
import io.tradeshell.engine.strategy.TradingContext;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

import static io.tradeshell.engine.run.Runs.FREE;
import static io.tradeshell.engine.run.Runs.START;
import static io.tradeshell.engine.run.Runs.bar;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a position can end, each through the whole loop: the closed trade names it. The
 * strategy buys 10 at bar 1's close (filled at bar 2's open, 100); each test then ends the
 * position its own way.
 */
class ExitReasonTest {

    /** Bars where nothing is hit: 100 all along. */
    private static BarSeries quiet() {
        return Runs.daily("X", START, bar(100, 101, 99, 100), bar(100, 101, 99, 100), bar(100, 101, 99, 100),
                bar(100, 101, 99, 100), bar(100, 101, 99, 100), bar(100, 101, 99, 100));
    }

    private static RunResult run(BarSeries bars, ExitPlan plan, RiskLimits risk, BiConsumer<Integer, Holder> after) {
        Holder h = new Holder();
        var f = Runs.factory("exits", ctx -> {
            h.ctx = ctx;
            ctx.exitPlan(plan);
            return Runs.each(i -> {
                if (i == 1) ctx.submit(OrderRequest.market("X", Side.BUY, 10, "buyWhen"));
                after.accept(i, h);
            });
        });
        TradingLoop loop = Backtest.loop(Runs.spec(f, FREE, 10_000, risk, bars), RunRecorder.NONE);
        h.loop = loop;
        return loop.run();
    }

    private static final class Holder {
        TradingContext ctx;
        TradingLoop loop;
    }

    private static ExitReason onlyReason(RunResult r) {
        assertThat(r.trades()).hasSize(1);
        return r.trades().get(0).exitReason();
    }

    @Test
    void anExitRuleIsASignal() {
        RunResult r = run(quiet(), ExitPlan.NONE, RiskLimits.none(), (i, h) -> {
            if (i == 3) h.ctx.submit(OrderRequest.market("X", Side.SELL, 10, "sellWhen"));
        });
        assertThat(onlyReason(r)).isEqualTo(ExitReason.SIGNAL);
    }

    @Test
    void aStrategysOwnFlattenIsASignalToo() {
        RunResult r = run(quiet(), ExitPlan.NONE, RiskLimits.none(), (i, h) -> {
            if (i == 3) h.ctx.flatten("flatten");
        });
        assertThat(onlyReason(r)).isEqualTo(ExitReason.SIGNAL);
    }

    /** The one trade a protective exit closed on bar 3, after a quiet bar 2 for the entry. */
    private static ClosedTrade protectiveExit(ExitPlan plan, double[] bar3) {
        BarSeries bars = Runs.daily("X", START, bar(100, 101, 99, 100), bar(100, 101, 99, 100),
                plan.trailingStop().isPresent() ? bar(100, 121, 99, 120) : bar(100, 101, 99, 100), bar3, bar(100, 101, 99, 100));
        RunResult r = run(bars, plan, RiskLimits.none(), (i, h) -> { });
        assertThat(r.trades()).hasSize(1);
        return r.trades().get(0);
    }

    @Test
    void theStopLossOrderIsAStopLoss() {
        // a 5% stop at 95 is hit on bar 3
        ClosedTrade t = protectiveExit(ExitPlan.NONE.withStopLoss(new Percent(0.05)), bar(98, 99, 90, 92));
        assertThat(t.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
        assertThat(t.exitPrice()).isEqualTo(95.0);
    }

    @Test
    void theTakeProfitOrderIsATakeProfit() {
        // a 10% target at 110 is hit on bar 3
        ClosedTrade t = protectiveExit(ExitPlan.NONE.withTakeProfit(new Percent(0.10)), bar(104, 112, 103, 111));
        assertThat(t.exitReason()).isEqualTo(ExitReason.TAKE_PROFIT);
        assertThat(t.exitPrice()).isEqualTo(110.0);
    }

    @Test
    void theTrailingStopOrderIsATrailingStop() {
        // bar 2 closes at 120, so a 10% trail moves to 108, hit on bar 3
        ClosedTrade t = protectiveExit(ExitPlan.NONE.withTrailingStop(new Percent(0.10)), bar(120, 121, 100, 101));
        assertThat(t.exitReason()).isEqualTo(ExitReason.TRAILING_STOP);
        assertThat(t.exitPrice()).isEqualTo(108.0);
    }

    @Test
    void anOrderTaggedRebalanceIsARebalance() {
        RunResult r = run(quiet(), ExitPlan.NONE, RiskLimits.none(), (i, h) -> {
            if (i == 3) h.ctx.submit(OrderRequest.market("X", Side.SELL, 4, ExitReason.REBALANCE_TAG));
        });
        assertThat(onlyReason(r)).isEqualTo(ExitReason.REBALANCE);
        assertThat(r.trades().get(0).qty()).isEqualTo(4.0);
    }

    @Test
    void aDrawdownHaltIsRisk() {
        BarSeries bars = Runs.daily("X", START, bar(100, 101, 99, 100), bar(100, 101, 99, 100), bar(100, 101, 99, 100),
                bar(50, 51, 40, 41), bar(41, 42, 40, 41));   // 10 units lose 590 of 10000: beyond a 5% limit
        RunResult r = run(bars, ExitPlan.NONE, RiskLimits.none().withMaxDrawdown(0.05), (i, h) -> { });
        assertThat(onlyReason(r)).isEqualTo(ExitReason.RISK);
    }

    @Test
    void theOperatorsFlattenAndKillSwitchAreOperator() {
        RunResult flattened = run(quiet(), ExitPlan.NONE, RiskLimits.none(), (i, h) -> {
            if (i == 3) h.loop.flattenAll("flattened by the operator");
        });
        assertThat(onlyReason(flattened)).isEqualTo(ExitReason.OPERATOR);
        RunResult killed = run(quiet(), ExitPlan.NONE, RiskLimits.none(), (i, h) -> {
            if (i == 3) h.loop.killSwitch("kill switch pulled by the operator");
        });
        assertThat(onlyReason(killed)).isEqualTo(ExitReason.OPERATOR);
    }

    @Test
    void aPositionOpenWhenTheDataEndsIsNoTradeAndIsMarkedEndOfData() {
        RunResult r = run(quiet(), ExitPlan.NONE, RiskLimits.none(), (i, h) -> { });
        assertThat(r.trades()).isEmpty();
        assertThat(r.openPositions()).hasSize(1);
        @SuppressWarnings("unchecked")
        var open = (List<Map<String, Object>>) RunSummary.toMap(r).get("openPositions");
        assertThat(open).singleElement().satisfies(p -> assertThat(p).containsEntry("exitReason", "endOfData"));
    }

    @Test
    void everyReasonHasItsWordAndTagsOutsideTheEnginesOwnAreSignals() {
        for (ExitReason reason : ExitReason.values()) assertThat(ExitReason.ofWord(reason.word())).contains(reason);
        assertThat(List.of("sellWhen", "coverWhen", "sell", "cover", "flatten", "myExit")).allSatisfy(
                tag -> assertThat(ExitReason.ofTag(tag)).isEqualTo(ExitReason.SIGNAL));
        assertThat(ClosedTrade.class.getRecordComponents()).extracting(c -> c.getName()).contains("exitReason");
    }
}
