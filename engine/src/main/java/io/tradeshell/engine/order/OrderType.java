package io.tradeshell.engine.order;

/** How an order's price is decided. */
public enum OrderType { MARKET, LIMIT, STOP, STOP_LIMIT }
