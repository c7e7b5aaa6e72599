package io.tradeshell.engine.broker;

import java.util.List;

/**
 * The port through which orders reach a market. The simulated broker implements it in every
 * mode; a real broker adapter would too.
 *
 * <p>Failures are reported, not thrown: a refused order comes back REJECTED with its reason
 * in the event stream, and cancelling an order that is no longer working returns false.
 */
public interface Broker {
    /** Submits an order; it is NEW, then ACCEPTED, or REJECTED with a reason. */
    OrderSnapshot submit(OrderRequest request);

    /** Cancels a working order; false if it is unknown or no longer working. */
    boolean cancel(long orderId, String reason);

    /** Changes a working order's quantity and prices; false if it cannot be replaced. */
    boolean replace(long orderId, double qty, double limitPrice, double stopPrice);

    /** The orders still working, oldest first. */
    List<OrderSnapshot> openOrders();
}
