package io.tradeshell.engine.run;

/** Receives market events from a feed, as primitives so the hot path allocates nothing. */
public interface FeedSink {
    /** Bar of symbol {@code slot} that opened at {@code openTime} has closed. */
    void onBar(int slot, long openTime, double open, double high, double low, double close, double volume);

    /**
     * Bar of symbol {@code slot} opens at {@code openTime} at {@code open} (its {@code volume},
     * for fills capped at a share of it). Feeds send it only when other symbols' bars close
     * while this one is open; otherwise the open arrives with {@link #onBar}.
     */
    default void onOpen(int slot, long openTime, double open, double volume) { }

    /** A trade print of symbol {@code slot}. */
    void onTick(int slot, long time, double price, double amount);
}
