package io.tradeshell.engine.broker;

import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * The port through which orders reach a market. The simulated broker implements it in every
 * mode; a real broker's adapter does too, and the risk check wraps either.
 *
 * <p>Failures are reported, not thrown: a refused order comes back REJECTED with its reason
 * in the event stream, and cancelling an order that is no longer working returns false.
 *
 * <p>The loop also tells the broker of the market as its feed delivers it ({@link #onBar} and
 * the rest). The simulated broker matches its working orders against it; a real broker, whose
 * fills come from the market itself, takes these calls as the moments to hand over, on the
 * loop's own thread, the fills it has received since.
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

    /** The order {@code orderId} if it is still working. */
    default Optional<OrderSnapshot> workingOrder(long orderId) {
        for (OrderSnapshot o : openOrders()) if (o.id() == orderId) return Optional.of(o);
        return Optional.empty();
    }

    /**
     * The market whose fills the run books ("Alpaca"), or empty for the simulated broker, whose
     * execution model (fill timing, slippage, commission) makes the fills.
     */
    default Optional<String> venue() { return Optional.empty(); }

    /**
     * Trading was set active again (an operator's resume): an adapter that halted because its
     * broker was out of reach tries the broker again with the next order.
     */
    default void tradingResumed() { }

    /** A bar of the symbol in {@code slot} that opened at {@code openTime} has closed. */
    default void onBar(int slot, long openTime, double open, double high, double low, double volume) { }

    /** A bar opens while other symbols' bars go on closing (see {@code FeedSink.onOpen}). */
    default void onOpen(int slot, long openTime, double open, double volume) { }

    /** The rest of a bar whose open came by {@link #onOpen}, booked at {@code bookedAt}. */
    default void onBarRest(int slot, long openTime, long bookedAt, double open, double high, double low, double volume) { }

    /** A trade print of the symbol in {@code slot}. */
    default void onTick(int slot, long time, double price, double amount) { }

    /** The symbol's newest price, at a bar's close or a tick. */
    default void onClose(int slot, double close) { }

    /**
     * Bars of one moment, of the symbols in {@code slots[from..to)}, all opened at {@code openTime}:
     * when none of these symbols has an order that could work, what {@link #onBar} and then
     * {@link #onClose} would do for each, at once, and true; otherwise nothing, and false, so the
     * caller hands the bars over one by one. A quiet universe then costs one call per moment.
     */
    default boolean onQuietBars(int[] slots, int from, int to, long openTime, double[] close) { return false; }

    /** Every bar of one moment is in, before any strategy runs. */
    default void settleWaitingBuys() { }

    /** Orders cut at a fill to what the account could pay for (a broker that does not check: 0). */
    default int ordersReducedForCash() { return 0; }

    /** Orders rejected at a fill because not one lot of them could be paid for. */
    default int ordersRejectedForCash() { return 0; }
}
