package io.tradeshell.engine.run;

/** Receives market events from a feed, as primitives so the hot path allocates nothing. */
public interface FeedSink {
    /** Bar of symbol {@code slot} that opened at {@code openTime} has closed. */
    void onBar(int slot, long openTime, double open, double high, double low, double close, double volume);

    /** A trade print of symbol {@code slot}. */
    void onTick(int slot, long time, double price, double amount);
}
