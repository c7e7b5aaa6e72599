package io.tradeshell.engine.strategy;

import io.tradeshell.engine.allocation.RebalancePolicy;
import io.tradeshell.engine.allocation.Targets;
import io.tradeshell.engine.order.OrderSnapshot;
import io.tradeshell.engine.model.BarSeries;
import java.util.List;

/**
 * A portfolio strategy's world: the universe's closed bars, the shared account, and the one
 * way to trade, {@link #rebalance(Targets, RebalancePolicy)}. Every mode provides the same one.
 */
public interface PortfolioContext {
    /** The run's symbols, in feed order. */
    List<String> symbols();

    /** The bars of {@code symbol} closed so far; unknown symbols fail with a message naming them. */
    BarSeries bars(String symbol);

    /** The run clock's time, in epoch millis. */
    long now();

    double cash();

    double equity();

    /** Signed units held of {@code symbol}. */
    double position(String symbol);

    /** The last price {@code symbol} was marked at, NaN before its first bar. */
    double lastPrice(String symbol);

    /** The strategy running on {@code symbol}'s own bars, whose indicators a section may read (a script's own indicators). */
    Strategy strategyOf(String symbol);

    /**
     * Moves the account toward {@code targets}: working rebalance orders are cancelled, and the
     * allocator's orders go through the risk layer to the broker. Returns the orders placed.
     */
    List<OrderSnapshot> rebalance(Targets targets, RebalancePolicy policy);
}
