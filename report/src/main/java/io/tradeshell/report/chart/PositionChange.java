package io.tradeshell.report.chart;

/** A fill as a change of position: when (epoch millis), which symbol, and the signed units (negative sells). */
public record PositionChange(long time, String symbol, double units) {}
