package io.tradeshell.engine.portfolio;

/** Whether a position gains when the price rises (LONG) or falls (SHORT). */
public enum PositionSide { LONG, SHORT }
