package io.tradeshell.engine.run;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.metrics.EquityCurve;
import io.tradeshell.engine.metrics.RunMetrics;
import io.tradeshell.engine.trade.ClosedTrade;
import io.tradeshell.engine.portfolio.OpenPosition;
import io.tradeshell.engine.tca.CostSummary;
import io.tradeshell.engine.tca.OrderCost;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a run produced, in memory: the same content as its output files.
 *
 * @param benchmark buy-and-hold equity at each point of {@code curve}
 * @param warmupBars bars skipped before the first possible entry
 * @param bars bar events processed
 * @param stoppedEarly true if the run was interrupted before its feed ended
 * @param accountChecks what the broker's buying-power check did to the run's orders
 * @param costs transaction-cost analysis of every parent order and every plain market order that filled
 * @param models the walk-forward models the strategies trained, with their audit
 */
public record RunResult(String name, String mode, RunSpec spec, EquityCurve curve, double[] benchmark,
                        List<ClosedTrade> trades, List<Fill> fills, int orders, List<OpenPosition> openPositions,
                        int warmupBars, long bars, RunMetrics metrics, List<String> assumptions,
                        Instant startedAt, Instant finishedAt, boolean stoppedEarly, AccountChecks accountChecks,
                        List<OrderCost> costs, List<io.tradeshell.engine.learning.ModelReport> models) {

    public RunResult {
        costs = List.copyOf(costs);
        models = List.copyOf(models);
    }

    /** A result without walk-forward models. */
    public RunResult(String name, String mode, RunSpec spec, EquityCurve curve, double[] benchmark,
                     List<ClosedTrade> trades, List<Fill> fills, int orders, List<OpenPosition> openPositions,
                     int warmupBars, long bars, RunMetrics metrics, List<String> assumptions,
                     Instant startedAt, Instant finishedAt, boolean stoppedEarly, AccountChecks accountChecks, List<OrderCost> costs) {
        this(name, mode, spec, curve, benchmark, trades, fills, orders, openPositions, warmupBars, bars, metrics, assumptions,
                startedAt, finishedAt, stoppedEarly, accountChecks, costs, List.of());
    }

    /** A result without transaction-cost analysis. */
    public RunResult(String name, String mode, RunSpec spec, EquityCurve curve, double[] benchmark,
                     List<ClosedTrade> trades, List<Fill> fills, int orders, List<OpenPosition> openPositions,
                     int warmupBars, long bars, RunMetrics metrics, List<String> assumptions,
                     Instant startedAt, Instant finishedAt, boolean stoppedEarly, AccountChecks accountChecks) {
        this(name, mode, spec, curve, benchmark, trades, fills, orders, openPositions, warmupBars, bars, metrics, assumptions,
                startedAt, finishedAt, stoppedEarly, accountChecks, List.of());
    }

    /** The run's costs in a few figures, beside the slippage it assumed. */
    public CostSummary costSummary() {
        return CostSummary.of(costs, spec.execution().slippage().bps());
    }

    /**
     * @param ordersReducedForCash  orders cut at a fill to what the account could pay for
     * @param ordersRejectedForCash orders rejected at a fill because nothing of them could be paid for
     */
    public record AccountChecks(int ordersReducedForCash, int ordersRejectedForCash) {
        public static final AccountChecks NONE = new AccountChecks(0, 0);
    }

    /**
     * One line when the data ended within the warm-up, so no entry could ever be taken: every
     * symbol had at most as many bars as the run has equity points, and those were no more than
     * the warm-up. Empty otherwise, and for a run stopped early.
     */
    public Optional<String> shortOfWarmup() {
        int points = curve.equity().length;
        if (warmupBars == 0 || stoppedEarly || points > warmupBars) return Optional.empty();
        return Optional.of("the data has %d bar%s, no more than the %d bars of warm-up the rules need: no entry could be taken"
                .formatted(points, points == 1 ? "" : "s", warmupBars));
    }

    @Override
    public String toString() {
        var m = metrics;
        return "%s [%s]: %d trades, final equity %.2f, return %.2f%%, sharpe %s, max drawdown %.2f%%".formatted(
                name, mode, m.trades(), m.finalEquity(), 100 * m.totalReturn(),
                Double.isNaN(m.sharpe()) ? "n/a" : "%.2f".formatted(m.sharpe()), 100 * m.maxDrawdown());
    }
}
