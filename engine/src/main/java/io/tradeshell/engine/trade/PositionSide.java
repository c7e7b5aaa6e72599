package io.tradeshell.engine.trade;

/** Whether a position gains when the price rises (LONG) or falls (SHORT). */
public enum PositionSide { LONG, SHORT }
