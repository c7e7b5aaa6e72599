package io.tradeshell.report.chart;

/**
 * A line drawn over the price, such as a moving average: one value per bar,
 * NaN where the indicator has no value yet (its warm-up).
 */
public record Overlay(String name, double[] values) {
    public Overlay {
        if (name == null || values == null) throw new IllegalArgumentException("overlay needs a name and values");
    }
}
