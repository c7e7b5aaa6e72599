package io.tradeshell.brokers;

import io.tradeshell.engine.model.BarSeries;
import java.time.Duration;
import java.time.Instant;

/** A broker's bar history, downloaded page by page into one series in time order. */
public interface HistorySource {
    /**
     * The bars of {@code symbol} of period {@code bar} opening in [{@code from}, {@code to}).
     *
     * @throws IllegalArgumentException for a bar period the broker does not offer
     */
    BarSeries bars(String symbol, Instant from, Instant to, Duration bar);
}
