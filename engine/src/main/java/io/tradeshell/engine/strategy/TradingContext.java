package io.tradeshell.engine.strategy;

import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderSnapshot;
import io.tradeshell.engine.model.BarSeries;
import java.util.List;

/**
 * A strategy's whole world for one symbol: the bars closed so far, its position, the shared
 * account, and the way to place orders. Every mode provides the same one.
 */
public interface TradingContext {
    String symbol();

    /** The bars closed so far; the series grows as the feed delivers bars. */
    BarSeries bars();

    /** The run clock's time, in epoch millis. */
    long now();

    /** The signed position in units: positive long, negative short, 0 flat. */
    double position();

    /** The average entry price of the open position, NaN when flat. */
    double entryPrice();

    double cash();

    double equity();

    /** Rounds order quantities down to whole multiples of this (1 for shares). */
    double lotSize();

    /** Orders of this symbol still working. */
    List<OrderSnapshot> openOrders();

    /** Sends an order through the risk checks to the broker. */
    OrderSnapshot submit(OrderRequest request);

    boolean cancel(long orderId);

    /** Whether the order is still working (not filled, cancelled, rejected or expired). */
    boolean isWorking(long orderId);

    /** Cancels every working order of this symbol. */
    void cancelAll();

    /** Cancels working orders and closes the position at market. */
    void flatten(String tag);

    /**
     * Starts a parent order worked by an execution algo (TWAP, VWAP, participation): its
     * children go through {@link #submit}. Where no trading loop runs (a script checked at load
     * time) there is none.
     */
    default io.tradeshell.engine.order.ParentOrderSnapshot submitParent(io.tradeshell.engine.order.ParentOrderRequest request) {
        throw new UnsupportedOperationException("execution algos run only inside a trading loop");
    }

    /** Cancels a working parent order and its working children; false if it is not working. */
    default boolean cancelParent(long parentId) {
        return false;
    }

    /** This symbol's parent orders still working. */
    default List<io.tradeshell.engine.order.ParentOrderSnapshot> workingParents() {
        return List.of();
    }

    /** Sets the stop-loss, take-profit and trailing stop kept on this symbol's positions. */
    void exitPlan(ExitPlan plan);

    ExitPlan exitPlan();

    /** The symbols of the run, in feed order (this one among them). */
    default List<String> universe() {
        return List.of(symbol());
    }

    /**
     * The bars closed so far of a symbol of the run (this one or another), empty when the run
     * has no such symbol. Another symbol's series holds only bars closed by now: the loop
     * appends every bar closing at a time before any strategy runs at that time.
     */
    default java.util.Optional<BarSeries> barsOf(String symbol) {
        return symbol.equals(symbol()) ? java.util.Optional.of(bars()) : java.util.Optional.empty();
    }

    /**
     * This symbol's bars of a longer period loaded from a file of their own (the run's data
     * named the symbol twice), by period in millis; empty when there is none.
     */
    default java.util.Optional<io.tradeshell.engine.timeframe.TimeframeBars> loadedTimeframe(long periodMillis) {
        return java.util.Optional.empty();
    }

    /**
     * Gross exposure the account may carry per unit of equity (1 = no borrowing); NaN where it
     * is not known yet (while a script is checked at load time).
     */
    default double maxLeverage() {
        return 1;
    }

    /** Indicators computed once for a whole parameter sweep, when this run is part of one. */
    default java.util.Optional<SharedIndicators> sharedIndicators() {
        return java.util.Optional.empty();
    }
}
