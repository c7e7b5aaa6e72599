package io.tradeshell.engine.model;

import java.time.Instant;

/** One closed bar: open time and period in epoch millis, prices and volume. */
public record Bar(String symbol, long openTime, long periodMillis,
                  double open, double high, double low, double close, double volume) {

    public long closeTime() { return openTime + periodMillis; }

    public Instant time() { return Instant.ofEpochMilli(openTime); }

    @Override
    public String toString() {
        return "%s %s O %s H %s L %s C %s V %s".formatted(symbol, time(), open, high, low, close, volume);
    }
}
