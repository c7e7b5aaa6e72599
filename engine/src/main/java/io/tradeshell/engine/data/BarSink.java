package io.tradeshell.engine.data;

/**
 * Receives completed bars as primitives, so aggregation allocates nothing per bar;
 * {@code BarSeries::append} is one.
 */
@FunctionalInterface
public interface BarSink {
    void bar(long openTime, double open, double high, double low, double close, double volume);
}
