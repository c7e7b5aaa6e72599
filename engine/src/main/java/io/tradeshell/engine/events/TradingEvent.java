package io.tradeshell.engine.events;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderSnapshot;
import io.tradeshell.engine.trade.ClosedTrade;

/**
 * Everything that happens in a run that someone may need to see, journal or replay: the
 * closed set of order lifecycle events, fills, closed trades and risk decisions. Every mode
 * emits the same events, which is what makes outputs comparable across modes.
 */
public sealed interface TradingEvent {
    /** When it happened, in epoch millis of the run's clock. */
    long time();

    /** An order's lifecycle step; {@link #order()} is its state just after the step. */
    sealed interface OrderEvent extends TradingEvent {
        OrderSnapshot order();
    }

    record OrderSubmitted(long time, OrderSnapshot order) implements OrderEvent { }

    record OrderAccepted(long time, OrderSnapshot order) implements OrderEvent { }

    record OrderRejected(long time, OrderSnapshot order, String reason) implements OrderEvent { }

    record OrderReplaced(long time, OrderSnapshot order) implements OrderEvent { }

    record OrderCancelled(long time, OrderSnapshot order, String reason) implements OrderEvent { }

    record OrderExpired(long time, OrderSnapshot order) implements OrderEvent { }

    /**
     * The broker cut an order to what the account can pay for at the fill ({@link
     * io.tradeshell.engine.broker.BuyingPower}); {@code order} carries the new quantity.
     */
    record OrderReduced(long time, OrderSnapshot order, double requestedQty, String reason) implements OrderEvent { }

    /** A fill; the order snapshot shows it partially filled or filled. */
    record OrderFilled(long time, OrderSnapshot order, Fill fill) implements OrderEvent { }

    record TradeClosed(long time, ClosedTrade trade) implements TradingEvent { }

    /** The risk layer refused an order before it reached the broker. */
    record RiskDenied(long time, OrderRequest request, String reason) implements TradingEvent { }

    /** The account's trading state changed (ACTIVE, REDUCING, HALTED), with why. */
    record TradingStateChanged(long time, String state, String reason) implements TradingEvent { }

    /**
     * A parent order (an execution algo) started, sent a child or ended; {@code step} says which:
     * {@code started}, {@code child #ID}, {@code done}, {@code cancelled: why}, {@code rejected: why}.
     */
    record ParentOrderUpdated(long time, io.tradeshell.engine.order.ParentOrderSnapshot parent, String step) implements TradingEvent { }

    /** A strategy or operator message worth keeping in the journal. */
    record Note(long time, String message) implements TradingEvent { }
}
