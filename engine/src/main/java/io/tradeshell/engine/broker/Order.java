package io.tradeshell.engine.broker;

import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.order.OrderSnapshot;
import io.tradeshell.engine.order.OrderStatus;

/**
 * An order as the broker keeps it while it works. Only the broker changes it; everyone else
 * sees {@link #snapshot()} values in events.
 */
public final class Order {
    private final long id;
    private OrderRequest request;
    private final long submittedTime;
    private OrderStatus status = OrderStatus.NEW;
    private double filledQty;
    private double avgFillPrice = Double.NaN;
    private boolean triggered;
    private long activeFrom;
    /** New terms sent but not yet in force (the broker's latency), or null. */
    private OrderRequest pending;
    private long pendingFrom;

    Order(long id, OrderRequest request, long submittedTime, long activeFrom) {
        this.id = id;
        this.request = request;
        this.submittedTime = submittedTime;
        this.activeFrom = activeFrom;
    }

    public long id() { return id; }
    public OrderRequest request() { return request; }
    public String symbol() { return request.symbol(); }
    public long submittedTime() { return submittedTime; }
    public OrderStatus status() { return status; }
    public double filledQty() { return filledQty; }
    public double remainingQty() { return request.qty() - filledQty; }
    public double avgFillPrice() { return avgFillPrice; }
    /** A stop or stop-limit order whose stop has been reached: it now works as a market or limit order. */
    public boolean triggered() { return triggered; }
    /** The earliest time the order can fill: submission plus the broker's latency. */
    public long activeFrom() { return activeFrom; }

    void status(OrderStatus s) { status = s; }
    void trigger() { triggered = true; }

    /** The terms the order will have once any pending replacement is in force. */
    OrderRequest latestRequest() { return pending != null ? pending : request; }

    /** Puts new terms in force now, dropping any still pending. */
    void replace(OrderRequest r) {
        request = r;
        pending = null;
    }

    /** New terms that come into force at {@code from}; until then the order works on its old terms. */
    void replaceFrom(OrderRequest r, long from) {
        pending = r;
        pendingFrom = from;
    }

    /**
     * Puts a pending replacement in force if its time has come; true if the terms changed.
     * A replacement for no more than has already filled is dropped.
     */
    boolean applyPending(long time) {
        if (pending == null || time < pendingFrom) return false;
        OrderRequest r = pending;
        pending = null;
        if (r.qty() <= filledQty + 1e-9) return false;
        request = r;
        return true;
    }

    /** Takes {@code qty} off the order's size, and off the size of any pending replacement. */
    void shrink(double qty) {
        request = request.withQtyAndPrices(request.qty() - qty, request.limitPrice(), request.stopPrice());
        if (pending != null) {
            double left = pending.qty() - qty;
            pending = left > filledQty + 1e-9 ? pending.withQtyAndPrices(left, pending.limitPrice(), pending.stopPrice()) : null;
        }
    }

    /** Cuts the order to {@code qty} in all (at least what has filled), dropping any pending replacement. */
    void reduceTo(double qty) {
        request = request.withQtyAndPrices(qty, request.limitPrice(), request.stopPrice());
        pending = null;
        if (remainingQty() <= 1e-12) status = OrderStatus.FILLED;
    }

    void addFill(double qty, double price) {
        double total = filledQty + qty;
        avgFillPrice = filledQty == 0 ? price : (avgFillPrice * filledQty + price * qty) / total;
        filledQty = total;
        status = remainingQty() <= 1e-12 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
    }

    public OrderSnapshot snapshot() {
        return new OrderSnapshot(id, request, submittedTime, status, filledQty, avgFillPrice);
    }

    @Override
    public String toString() { return snapshot().toString(); }
}
