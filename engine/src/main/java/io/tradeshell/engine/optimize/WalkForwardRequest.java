package io.tradeshell.engine.optimize;

import java.util.Objects;

/**
 * A walk-forward: the sweep to run on each training window ({@code sweep.base()} holds all the
 * data; its {@code out} is the walk's directory, each window's sweep going into a folder of its
 * own), the window lengths, and whether training windows are anchored at the start.
 */
public record WalkForwardRequest(OptimizeRequest sweep, CalendarPeriod train, CalendarPeriod test, boolean anchored) {
    public WalkForwardRequest {
        Objects.requireNonNull(sweep);
        Objects.requireNonNull(train);
        Objects.requireNonNull(test);
    }
}
