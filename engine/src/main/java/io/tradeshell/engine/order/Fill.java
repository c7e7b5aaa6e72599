package io.tradeshell.engine.order;

import io.tradeshell.engine.model.Side;

/** Part or all of an order executed at one price. {@code price} already includes slippage. */
public record Fill(long orderId, String symbol, Side side, double qty, double price, double commission, long time, String tag) { }
