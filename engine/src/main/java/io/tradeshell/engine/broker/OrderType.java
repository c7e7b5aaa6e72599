package io.tradeshell.engine.broker;

/** How an order's price is decided. */
public enum OrderType { MARKET, LIMIT, STOP, STOP_LIMIT }
