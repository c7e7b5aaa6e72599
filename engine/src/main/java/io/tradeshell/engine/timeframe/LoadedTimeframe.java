package io.tradeshell.engine.timeframe;

import io.tradeshell.engine.model.BarSeries;

/**
 * A higher timeframe of a symbol loaded from its own file (daily bars beside the 4-hour ones
 * traded): its bars are copied into a growing series as they close, so nothing built on them
 * sees a bar that has not closed yet.
 */
public final class LoadedTimeframe implements TimeframeBars {
    private final BarSeries file;
    private final BarSeries bars;

    public LoadedTimeframe(BarSeries file) {
        this.file = file;
        this.bars = BarSeries.emptyLike(file);
    }

    /** The file's period. */
    public long periodMillis() {
        return file.periodMillis();
    }

    @Override
    public BarSeries bars() {
        return bars;
    }

    @Override
    public void catchUp(long time) {
        while (bars.size() < file.size() && file.closeTime(bars.size()) <= time) bars.appendFrom(file, bars.size());
    }

    @Override
    public int size() {
        return bars.size();
    }

    @Override
    public long knownAt(int j) {
        return bars.closeTime(j);
    }
}
