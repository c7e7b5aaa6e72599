package io.tradeshell.report.chart;

/** A fill shown on the price chart: when (epoch millis), at what price, and whether it bought or sold. */
public record TradeMarker(long time, double price, boolean buy) {}
