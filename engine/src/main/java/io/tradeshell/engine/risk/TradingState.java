package io.tradeshell.engine.risk;

/** Whether the account may trade: freely, only to shrink positions, or not at all. */
public enum TradingState { ACTIVE, REDUCING, HALTED }
