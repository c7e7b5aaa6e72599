package io.tradeshell.engine.order;

import io.tradeshell.engine.model.Side;
import java.util.Objects;

/**
 * What a strategy asks the broker to do. Prices are NaN where the type does not use them.
 *
 * @param tag why the order was placed ("buyWhen", "stopLoss", ...), kept in the outputs
 * @param ocoGroup orders sharing a non-zero group cancel each other when one fills, and shrink by
 *                 what one of them fills in part (stop-loss and take-profit)
 */
public record OrderRequest(String symbol, Side side, double qty, OrderType type,
                           double limitPrice, double stopPrice, TimeInForce tif, String tag, long ocoGroup) {
    /** No market trades more units than this in one order; more is a mistake, not an order. */
    public static final double MAX_QTY = 1e12;
    /** No order is worth more than this (a quadrillion in account currency). */
    public static final double MAX_NOTIONAL = 1e15;

    public OrderRequest {
        Objects.requireNonNull(symbol);
        Objects.requireNonNull(side);
        Objects.requireNonNull(type);
        Objects.requireNonNull(tif);
        checkQuantity(qty);
        boolean needsLimit = type == OrderType.LIMIT || type == OrderType.STOP_LIMIT;
        boolean needsStop = type == OrderType.STOP || type == OrderType.STOP_LIMIT;
        if (needsLimit && !(limitPrice > 0)) throw new IllegalArgumentException(type + " order needs a positive limit price, was " + limitPrice);
        if (needsStop && !(stopPrice > 0)) throw new IllegalArgumentException(type + " order needs a positive stop price, was " + stopPrice);
        if (needsLimit) checkNotional(qty, limitPrice);
        if (needsStop) checkNotional(qty, stopPrice);
    }

    /** Refuses a quantity no order can have: NaN, infinite, zero or negative, or beyond {@link #MAX_QTY}. */
    public static void checkQuantity(double qty) {
        if (!(qty > 0) || Double.isInfinite(qty)) {
            throw new IllegalArgumentException("order quantity must be a positive, finite number, was " + qty);
        }
        if (qty > MAX_QTY) throw new IllegalArgumentException("order quantity " + qty + " is beyond any market (at most 1e12 units)");
    }

    /** Refuses an order worth more than {@link #MAX_NOTIONAL} at {@code price}. */
    public static void checkNotional(double qty, double price) {
        double notional = qty * price;
        if (notional > MAX_NOTIONAL || Double.isInfinite(price)) {
            throw new IllegalArgumentException("order of " + qty + " at " + price + " is worth " + notional
                    + ", beyond any market (at most 1e15)");
        }
    }

    public static OrderRequest market(String symbol, Side side, double qty, String tag) {
        return new OrderRequest(symbol, side, qty, OrderType.MARKET, Double.NaN, Double.NaN, TimeInForce.GTC, tag, 0);
    }

    public static OrderRequest limit(String symbol, Side side, double qty, double limit, TimeInForce tif, String tag) {
        return new OrderRequest(symbol, side, qty, OrderType.LIMIT, limit, Double.NaN, tif, tag, 0);
    }

    public static OrderRequest stop(String symbol, Side side, double qty, double stop, TimeInForce tif, String tag) {
        return new OrderRequest(symbol, side, qty, OrderType.STOP, Double.NaN, stop, tif, tag, 0);
    }

    public static OrderRequest stopLimit(String symbol, Side side, double qty, double stop, double limit, TimeInForce tif, String tag) {
        return new OrderRequest(symbol, side, qty, OrderType.STOP_LIMIT, limit, stop, tif, tag, 0);
    }

    public OrderRequest withOcoGroup(long group) {
        return new OrderRequest(symbol, side, qty, type, limitPrice, stopPrice, tif, tag, group);
    }

    public OrderRequest withQtyAndPrices(double newQty, double newLimit, double newStop) {
        return new OrderRequest(symbol, side, newQty, type, newLimit, newStop, tif, tag, ocoGroup);
    }
}
