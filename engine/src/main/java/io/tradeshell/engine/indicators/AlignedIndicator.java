package io.tradeshell.engine.indicators;

import io.tradeshell.engine.model.BarSeries;

/**
 * An indicator of another series (another symbol, or a higher timeframe of this one) read on
 * this series' bars: the value at bar {@code i} is the source's value at its last bar that
 * closed at or before bar {@code i} closed. Bars are matched by time, never by index, so
 * symbols with different calendars or periods line up as they would have been known.
 *
 * <p>Causal by construction: only bars of the source that closed by bar {@code i}'s close are
 * ever read, whenever the value is computed. The event loop appends every bar closing at a
 * time before any strategy runs at that time, so those bars are all there. Before the source
 * has a bar, and while its indicator is still warming up, the value is NaN, so rules stay
 * quiet instead of acting on a half-filled window of another series.
 */
public final class AlignedIndicator extends Indicator {
    private final Indicator source;
    private final SourceClock clock;
    private int cursor = -1;

    /** {@code source}, an indicator of another symbol's bars, read on {@code onto}'s bars. */
    public AlignedIndicator(BarSeries onto, Indicator source) {
        this(onto, source, SourceClock.closes(source.series()));
    }

    /** {@code source} read on {@code onto}'s bars, its bars known at the times {@code clock} gives. */
    public AlignedIndicator(BarSeries onto, Indicator source, SourceClock clock) {
        super(onto);
        this.source = source;
        this.clock = clock;
    }

    public SourceClock clock() {
        return clock;
    }

    /** The indicator on the other series' own bars. */
    public Indicator source() {
        return source;
    }

    @Override
    protected double calculate(int index) {
        long until = series.closeTime(index);
        clock.catchUp(until);
        while (cursor + 1 < clock.size() && clock.knownAt(cursor + 1) <= until) cursor++;
        if (cursor < source.unstableBars()) return Double.NaN;
        return source.value(cursor);
    }

    /** Warm-up is counted in the source's bars, so this view shows NaN until then instead. */
    @Override
    public int unstableBars() {
        return 0;
    }

    @Override
    public String toString() {
        return source + "@" + source.series().symbol();
    }
}
