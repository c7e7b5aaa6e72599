package io.tradeshell.engine.indicators;

import io.tradeshell.engine.model.BarSeries;

/**
 * When each bar of a series became known, for reading it on another series' bars: another
 * symbol's bars are known at their close; a higher-timeframe bar once its period has closed.
 */
public interface SourceClock {
    /** Brings the source up to date with everything known by {@code time} (epoch millis). */
    default void catchUp(long time) { }

    /** Bars of the source so far. */
    int size();

    /** The time bar {@code j} of the source became known, epoch millis. */
    long knownAt(int j);

    /** Another symbol's bars: each known when it closes. */
    static SourceClock closes(BarSeries bars) {
        return new SourceClock() {
            public int size() { return bars.size(); }
            public long knownAt(int j) { return bars.closeTime(j); }
        };
    }
}
