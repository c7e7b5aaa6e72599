package io.tradeshell.engine.data;

import java.time.Instant;

/** Tracks the last accepted time of a file so rows that go back (or repeat) are caught. */
final class TimeOrder {
    private final String label;
    private final boolean repeatsAllowed;
    private boolean any;
    private long last;
    private long lastLine;

    /**
     * @param label          what the time is called in messages (the column as written)
     * @param repeatsAllowed whether equal times are fine (trades sharing a second)
     */
    TimeOrder(String label, boolean repeatsAllowed) {
        this.label = label;
        this.repeatsAllowed = repeatsAllowed;
    }

    /** The problem with a row at {@code time}, or null when it may follow the last accepted one. */
    String problem(long time) {
        if (!any || time > last || (repeatsAllowed && time == last)) return null;
        if (time == last) {
            return "duplicate " + label + " " + Instant.ofEpochMilli(time) + ", already on line " + lastLine;
        }
        return label + " " + Instant.ofEpochMilli(time) + " is before " + Instant.ofEpochMilli(last)
                + " on line " + lastLine;
    }

    void accept(long time, long line) {
        any = true;
        last = time;
        lastLine = line;
    }
}
