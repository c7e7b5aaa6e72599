package io.tradeshell.engine.alerts;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing the trader must hear about.
 *
 * @param time    when it happened, in epoch millis of the run's clock
 * @param level   how urgent it is
 * @param title   a short headline, e.g. "Trading halted"
 * @param message the details, e.g. the risk layer's reason
 * @param source  the account or run it comes from
 */
public record Alert(long time, AlertLevel level, String title, String message, String source) {
    public Alert {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(source, "source");
    }

    /** The time as an ISO-8601 UTC instant, e.g. {@code 2013-01-02T14:30:00Z}. */
    public String timeText() {
        return Instant.ofEpochMilli(time).toString();
    }

    public Alert withMessage(String newMessage) {
        return new Alert(time, level, title, newMessage, source);
    }
}
