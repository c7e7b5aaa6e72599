package io.tradeshell.engine.optimize;

import java.time.Instant;

/**
 * One walk-forward step: optimise on {@code [trainFrom, trainTo)}, then trade the chosen
 * parameters on {@code [testFrom, testTo)}, which starts where the training ends. Times are
 * epoch millis of bar open times; both ends are half-open, so no bar is in both.
 *
 * @param index 0-based position in the walk
 */
public record WalkForwardWindow(int index, long trainFrom, long trainTo, long testFrom, long testTo) {
    public WalkForwardWindow {
        if (!(trainFrom < trainTo && trainTo == testFrom && testFrom < testTo)) {
            throw new IllegalArgumentException("not a walk-forward window: train " + Instant.ofEpochMilli(trainFrom) + ".." + Instant.ofEpochMilli(trainTo)
                    + ", test " + Instant.ofEpochMilli(testFrom) + ".." + Instant.ofEpochMilli(testTo));
        }
    }

    @Override
    public String toString() {
        return "window " + (index + 1) + ": train " + Instant.ofEpochMilli(trainFrom) + " .. " + Instant.ofEpochMilli(trainTo)
                + ", test .. " + Instant.ofEpochMilli(testTo);
    }
}
