package io.tradeshell.engine.model;

/** One trade print: when (epoch millis), at what price and for how much. */
public record Tick(String symbol, long time, double price, double amount) { }
