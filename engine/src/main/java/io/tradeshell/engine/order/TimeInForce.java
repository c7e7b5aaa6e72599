package io.tradeshell.engine.order;

/** How long an order stays working: until the end of its day, or until cancelled. */
public enum TimeInForce { DAY, GTC }
